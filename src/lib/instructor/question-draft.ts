import type { AuthoredQuestion, Citation, Question } from '../content/schema';
import {
	unhandledKind,
	type CognitiveLevel,
	type Difficulty,
	type QuestionKind
} from '../content/vocabulary';

// A question as the browser editor holds it while an instructor writes: every field of every kind,
// as typed, so switching kind or leaving a field half-done loses nothing. `authoredValue` turns it
// into what `questions/<topic>.yaml` would hold, for the build's own schema and anchoring to judge.

export interface DraftOption {
	id: string;
	text: string;
	correct: boolean;
	feedback: string;
}
export interface DraftItem {
	id: string;
	text: string;
}
export interface DraftPair {
	id: string;
	left: string;
	right: string;
}
export interface DraftCriterion {
	id: string;
	criterion: string;
	points: number;
}
/** A citation as typed: an empty prefix or suffix means none. */
export interface DraftCitation {
	source: string;
	exact: string;
	prefix: string;
	suffix: string;
}

export interface QuestionDraft {
	id: string;
	/** The bank question this one was duplicated from, if any. */
	editedFrom?: string;
	kind: QuestionKind;
	topic: string;
	objective: string;
	difficulty: Difficulty | '';
	level: CognitiveLevel | '';
	scenario: string;
	prompt: string;
	explanation: string;
	/** As typed: tags separated by commas. */
	tags: string;
	/** Single and multiple answer. */
	options: DraftOption[];
	/** True or false: the right answer (undefined until chosen) and the feedback for each choice. */
	answer: boolean | undefined;
	feedback: { ifTrue: string; ifFalse: string };
	/** Ordering: in the right order. */
	items: DraftItem[];
	pairs: DraftPair[];
	/** Written argument. */
	guidance: string;
	modelAnswer: string;
	rubric: DraftCriterion[];
	citations: DraftCitation[];
}

/** The lists of a draft that the editor adds to, removes from and reorders. */
export type DraftListName = 'options' | 'items' | 'pairs' | 'rubric' | 'citations';
export type DraftListItem<L extends DraftListName> = QuestionDraft[L][number];

/** How many entries each list needs at least and may have at most, by kind (as the schema says). */
export const listBounds: Record<DraftListName, (kind: QuestionKind) => [number, number]> = {
	options: (kind) => (kind === 'multiple' ? [3, 8] : [2, 6]),
	items: () => [3, 6],
	pairs: () => [3, 6],
	rubric: () => [3, 5],
	citations: () => [1, 20]
};

/** The list a kind answers with, if it has one the editor adds to. */
export function answerListOf(kind: QuestionKind): DraftListName | undefined {
	switch (kind) {
		case 'single':
		case 'multiple':
			return 'options';
		case 'ordering':
			return 'items';
		case 'matching':
			return 'pairs';
		case 'essay':
			return 'rubric';
		case 'true-false':
			return undefined;
		default:
			return unhandledKind(kind);
	}
}

const idPrefix: Record<Exclude<DraftListName, 'citations'>, string> = {
	options: 'option',
	items: 'item',
	pairs: 'pair',
	rubric: 'criterion'
};

/** The first `option-N` (`item-N`, …) not used in the list: a slug the schema accepts. */
export function nextListId(
	list: Exclude<DraftListName, 'citations'>,
	taken: readonly { id: string }[]
): string {
	const ids = new Set(taken.map((t) => t.id));
	for (let n = 1; ; n++) if (!ids.has(`${idPrefix[list]}-${n}`)) return `${idPrefix[list]}-${n}`;
}

/** A citation still to be typed or picked, of `source` if given. */
export const blankCitation = (source = ''): DraftCitation => ({
	source,
	exact: '',
	prefix: '',
	suffix: ''
});

/** Nothing typed in the citation yet, whatever source is chosen: a place for a picked passage. */
export const isBlankCitation = (c: DraftCitation): boolean =>
	!c.exact.trim() && !c.prefix && !c.suffix;

/** A blank entry for a list, with a fresh id where the list has ids. */
export function blankEntry<L extends DraftListName>(
	list: L,
	draft: QuestionDraft,
	source = ''
): DraftListItem<L> {
	const entry = (): DraftListItem<DraftListName> => {
		switch (list) {
			case 'options':
				return { id: nextListId('options', draft.options), text: '', correct: false, feedback: '' };
			case 'items':
				return { id: nextListId('items', draft.items), text: '' };
			case 'pairs':
				return { id: nextListId('pairs', draft.pairs), left: '', right: '' };
			case 'rubric':
				return { id: nextListId('rubric', draft.rubric), criterion: '', points: 1 };
			default:
				return blankCitation(source);
		}
	};
	return entry() as DraftListItem<L>;
}

/** Fills a list with blank entries up to `count`. */
function filled<L extends Exclude<DraftListName, 'citations'>>(
	list: L,
	draft: QuestionDraft,
	count: number
): QuestionDraft {
	let next = draft;
	while (next[list].length < count)
		next = { ...next, [list]: [...next[list], blankEntry(list, next)] };
	return next;
}

/** A new, empty question of a kind: its answer list has as many blank entries as the kind needs. */
export function newQuestionDraft(
	id: string,
	kind: QuestionKind,
	defaults: { topic?: string; source?: string } = {}
): QuestionDraft {
	const empty: QuestionDraft = {
		id,
		kind,
		topic: defaults.topic ?? '',
		objective: '',
		difficulty: '',
		level: '',
		scenario: '',
		prompt: '',
		explanation: '',
		tags: '',
		options: [],
		answer: undefined,
		feedback: { ifTrue: '', ifFalse: '' },
		items: [],
		pairs: [],
		guidance: '',
		modelAnswer: '',
		rubric: [],
		citations: [blankCitation(defaults.source)]
	};
	return withAnswerList(empty);
}

/** The draft with its kind's answer list filled to the kind's minimum (switching kind uses it too). */
export function withAnswerList(draft: QuestionDraft): QuestionDraft {
	const list = answerListOf(draft.kind);
	if (!list || list === 'citations') return draft;
	return filled(list, draft, listBounds[list](draft.kind)[0]);
}

/**
 * A copy of a question to edit, under a new id: a bank question (its citations' offsets dropped,
 * since anchoring finds them again) or one authored earlier.
 */
export function draftFromQuestion(
	question: Question | (AuthoredQuestion & { topic: string }),
	id: string,
	editedFrom?: string
): QuestionDraft {
	const base = newQuestionDraft(id, question.kind, { topic: question.topic });
	const draft: QuestionDraft = {
		...base,
		...(editedFrom ? { editedFrom } : {}),
		objective: question.objective,
		difficulty: question.difficulty,
		level: question.level ?? '',
		scenario: question.scenario ?? '',
		prompt: question.prompt,
		explanation: question.explanation,
		tags: question.tags.join(', '),
		citations: question.citations.map(({ source, exact, prefix, suffix }) => ({
			source,
			exact,
			prefix: prefix ?? '',
			suffix: suffix ?? ''
		}))
	};
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return { ...draft, options: question.options.map((o) => ({ ...o })) };
		case 'true-false':
			return { ...draft, answer: question.answer, feedback: { ...question.feedback } };
		case 'ordering':
			return { ...draft, items: question.items.map((i) => ({ ...i })) };
		case 'matching':
			return { ...draft, pairs: question.pairs.map((p) => ({ ...p })) };
		case 'essay':
			return {
				...draft,
				guidance: question.guidance,
				modelAnswer: question.modelAnswer,
				rubric: question.rubric.map((c) => ({ ...c }))
			};
		default:
			return unhandledKind(question);
	}
}

/** Tags as typed ("screening, unpaid-labour") as a list, blanks dropped. */
export function tagsOf(typed: string): string[] {
	return typed
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
}

/** A typed citation as the YAML would hold it: no empty prefix or suffix. */
export function citationOf({ source, exact, prefix, suffix }: DraftCitation): Citation {
	return {
		source,
		exact,
		...(prefix ? { prefix } : {}),
		...(suffix ? { suffix } : {})
	};
}

/**
 * What the draft would be in `questions/<topic>.yaml` (the topic aside): the common fields and the
 * fields of its kind, optional ones left out when blank. Not yet validated: that is the schema's job.
 */
export function authoredValue(draft: QuestionDraft): Record<string, unknown> {
	const common = {
		id: draft.id,
		kind: draft.kind,
		difficulty: draft.difficulty || undefined,
		...(draft.level ? { level: draft.level } : {}),
		...(draft.scenario.trim() ? { scenario: draft.scenario } : {}),
		prompt: draft.prompt,
		explanation: draft.explanation,
		objective: draft.objective,
		tags: tagsOf(draft.tags),
		citations: draft.citations.map(citationOf)
	};
	switch (draft.kind) {
		case 'single':
		case 'multiple':
			return { ...common, options: draft.options.map((o) => ({ ...o })) };
		case 'true-false':
			return { ...common, answer: draft.answer, feedback: { ...draft.feedback } };
		case 'ordering':
			return { ...common, items: draft.items.map((i) => ({ ...i })) };
		case 'matching':
			return { ...common, pairs: draft.pairs.map((p) => ({ ...p })) };
		case 'essay':
			return {
				...common,
				guidance: draft.guidance,
				modelAnswer: draft.modelAnswer,
				rubric: draft.rubric.map((c) => ({ ...c }))
			};
		default:
			return unhandledKind(draft.kind);
	}
}

/** The list with entry `i` moved `by` places (clamped to the list), or the same list if it cannot move. */
export function moved<T>(list: readonly T[], i: number, by: number): readonly T[] {
	const to = Math.min(list.length - 1, Math.max(0, i + by));
	if (to === i || !list[i]) return list;
	const next = [...list];
	const [entry] = next.splice(i, 1);
	next.splice(to, 0, entry!);
	return next;
}
