import type { SourceTexts } from '../content/anchor';
import type { Citation } from '../content/schema';
import type { QuestionKind } from '../content/vocabulary';
import type { AuthoredQuestionStore } from './authored-port';
import { checkDraft, type DraftCheck, type EditorTopic, type FieldProblem } from './question-check';
import {
	blankCitation,
	blankEntry,
	isBlankCitation,
	moved,
	withAnswerList,
	type DraftListItem,
	type DraftListName,
	type QuestionDraft
} from './question-draft';

/** Where a save left the question: a draft that may not go into a pack yet, or ready for one. */
export type SaveOutcome = { saved: true; valid: boolean } | { saved: false; notice: string };

/**
 * One question being written in the browser: the draft as typed, the build's verdict on it, which
 * fields have been visited (a field's problems show after its first blur, or after a save attempt),
 * and saving. The form component is a view of it; the rules are the pure functions it calls.
 */
export class QuestionEditor {
	/** Every edit replaces the draft (small), so the check below reruns once per keystroke. */
	draft: QuestionDraft;
	/** The sources' texts, once fetched: until then quotations are not checked. */
	texts: SourceTexts | undefined = $state.raw();
	/** Set after the first save attempt: every problem shows, and the error summary lists them. */
	saveAttempted = $state(false);
	/** Edited since the last save (a new question is not saved until its first edit). */
	unsaved = $state(false);
	/** What the last Save did (until the next edit), for the page to say. */
	lastSave: SaveOutcome | undefined = $state();
	/** Why the latest save, by Save or as the author typed, did not happen. */
	saveFailure: string | undefined = $state();
	/** The question is in the browser's store (saved at least once): its address can name it. */
	stored = $state(false);
	/** The build's verdict on the draft as it is now. */
	readonly check: DraftCheck;
	readonly #problemsByField: Record<string, FieldProblem[]>;
	#visited: Record<string, true> = $state({});
	readonly #store: AuthoredQuestionStore;
	readonly topics: readonly EditorTopic[];
	readonly sourceLabels: Readonly<Record<string, string>>;
	readonly #saveDelayMs: number;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * `stored`: the draft was read from the store. Edits are saved `saveDelayMs` after the typing
	 * stops (as a draft if they leave problems), so nothing typed is lost to a closed tab.
	 */
	constructor(
		draft: QuestionDraft,
		context: { topics: readonly EditorTopic[]; sourceLabels: Readonly<Record<string, string>> },
		store: AuthoredQuestionStore,
		{ stored = false, saveDelayMs = 500 } = {}
	) {
		this.draft = $state.raw(draft);
		this.topics = context.topics;
		this.sourceLabels = context.sourceLabels;
		this.#store = store;
		this.stored = stored;
		this.#saveDelayMs = saveDelayMs;
		this.check = $derived(
			checkDraft(this.draft, {
				topics: this.topics,
				texts: this.texts,
				sourceLabels: this.sourceLabels
			})
		);
		this.#problemsByField = $derived(
			this.check.problems.reduce<Record<string, FieldProblem[]>>((byField, p) => {
				(byField[p.field] ??= []).push(p);
				return byField;
			}, {})
		);
	}

	/** The problems to show at a field now: none before it has been left once or a save was tried. */
	shownAt(field: string): FieldProblem[] {
		if (!this.saveAttempted && !this.#visited[field]) return [];
		return this.#problemsByField[field] ?? [];
	}

	/** The author left a field: from now on its problems show, and follow the typing. */
	visited(field: string): void {
		if (!this.#visited[field]) this.#visited[field] = true;
	}

	/** The objectives of the chosen topic. */
	get objectives(): EditorTopic['objectives'] {
		return this.topics.find((t) => t.id === this.draft.topic)?.objectives ?? [];
	}

	/** Applies an edit to the draft. */
	update(edit: (d: QuestionDraft) => QuestionDraft): void {
		const next = edit(this.draft);
		if (next === this.draft) return;
		this.draft = next;
		this.unsaved = true;
		this.lastSave = undefined;
		this.#schedule();
	}

	set<K extends keyof QuestionDraft>(field: K, value: QuestionDraft[K]): void {
		this.update((d) => ({ ...d, [field]: value }));
	}

	/** Another kind: its fields appear (its answer list filled to the minimum); nothing typed is lost. */
	setKind(kind: QuestionKind): void {
		this.update((d) => withAnswerList({ ...d, kind }));
	}

	/** Another topic: the objective stays only if the new topic has it. */
	setTopic(topic: string): void {
		this.update((d) => {
			const objectives = this.topics.find((t) => t.id === topic)?.objectives ?? [];
			const objective = objectives.some((o) => o.id === d.objective) ? d.objective : '';
			return { ...d, topic, objective };
		});
	}

	/** Changes fields of entry `i` of a list. */
	patch<L extends DraftListName>(list: L, i: number, change: Partial<DraftListItem<L>>): void {
		this.update((d) => ({
			...d,
			[list]: d[list].map((entry, k) => (k === i ? { ...entry, ...change } : entry))
		}));
	}

	/** Marks option `i` as the right one; for a single answer, the others stop being right. */
	markCorrect(i: number, correct: boolean): void {
		this.update((d) => ({
			...d,
			options: d.options.map((o, k) =>
				k === i ? { ...o, correct } : d.kind === 'single' && correct ? { ...o, correct: false } : o
			)
		}));
	}

	/** Adds a blank entry at the end of a list; returns its index. */
	add(list: DraftListName): number {
		if (list === 'citations') return this.addCitation();
		this.update((d) => ({ ...d, [list]: [...d[list], blankEntry(list, d)] }));
		return this.draft[list].length - 1;
	}

	/**
	 * Adds a citation (picked in a source, or blank to type); returns its index. A picked passage
	 * fills the first citation still blank (a new question starts with one), so it is not left
	 * behind as a problem to remove.
	 */
	addCitation(citation?: Citation): number {
		if (!citation) {
			const blank = blankCitation(this.draft.citations.at(-1)?.source);
			this.update((d) => ({ ...d, citations: [...d.citations, blank] }));
			return this.draft.citations.length - 1;
		}
		const entry = { ...blankCitation(citation.source), ...citation };
		const free = this.draft.citations.findIndex(isBlankCitation);
		if (free >= 0) {
			this.update((d) => ({
				...d,
				citations: d.citations.map((c, k) => (k === free ? entry : c))
			}));
			return free;
		}
		this.update((d) => ({ ...d, citations: [...d.citations, entry] }));
		return this.draft.citations.length - 1;
	}

	remove(list: DraftListName, i: number): void {
		this.update((d) => ({ ...d, [list]: d[list].filter((_, k) => k !== i) }));
	}

	/** Moves entry `i` of a list `by` places; returns where it is now. */
	move(list: DraftListName, i: number, by: number): number {
		const before = this.draft[list];
		this.update((d) => ({ ...d, [list]: moved<DraftListItem<DraftListName>>(d[list], i, by) }));
		return this.draft[list] === before ? i : Math.min(before.length - 1, Math.max(0, i + by));
	}

	/** Replaces a citation's quotation with the nearest passage the build found (no prefix or suffix). */
	useNearest(i: number, nearest: string): void {
		this.patch('citations', i, { exact: nearest, prefix: '', suffix: '' });
	}

	/** Writes a change still waiting for its moment (the page calls it when hidden or left). */
	flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (this.unsaved) this.#write();
	}

	/** The question was deleted: nothing waiting is written, so a closing tab cannot bring it back. */
	discard(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.unsaved = false;
	}

	/**
	 * Saves the question now, whatever its state: a question with problems is kept as a draft (it
	 * cannot go into a pack until they are fixed), and from now on every problem is shown.
	 */
	save(): SaveOutcome {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		if (!this.check.question) this.saveAttempted = true;
		this.lastSave = this.#write();
		return this.lastSave;
	}

	#write(): SaveOutcome {
		const built = this.check.question;
		const valid = built !== undefined;
		const notice = this.#store.save(this.draft, built);
		this.saveFailure = notice;
		if (notice) return { saved: false, notice };
		this.unsaved = false;
		this.stored = true;
		return { saved: true, valid };
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.#saveDelayMs);
	}
}
