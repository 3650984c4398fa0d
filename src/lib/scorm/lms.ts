import type { Pack, Question } from '../content/schema';
import { indexById, type Attempt } from '../quiz/attempt';
import { resultsOf } from '../quiz/attempt-results';
import { quizQuery, type QuizSpec } from '../quiz/link';
import { newSeed } from '../quiz/random';
import { selectQuestions } from '../quiz/selection';
import { emptyStore, type AttemptStore, type StoreRead } from '../quiz/attempt-store';
import { availableStorage, writeJson } from '../storage/browser-storage';
import type { Scorm12Api } from './api';
import {
	finishedStatus,
	interactionAnswer,
	interactionDefinition,
	parsePassMark,
	scoreFields,
	scormTimespan
} from './cmi';
import {
	decodeSuspendData,
	encodeSuspendData,
	SuspendDataError,
	suspendedSeed,
	type EncodedSuspendData
} from './suspend';

/** How long typing in a written answer waits before the LMS is asked to commit (one request, not one per key). */
export const TYPING_COMMIT_DELAY = 2000;

export interface LmsOptions {
	/** The pass mark the package was exported with (0–100); the LMS's own mastery score wins. */
	passMark?: number;
	/** Milliseconds since some fixed point: `Date.now` unless a test says otherwise. */
	now?: () => number;
	/** Where written answers too long for the LMS's suspend data are kept as well: this browser's localStorage. */
	storage?: Storage;
	/** Told, in one sentence for the student, when the LMS refuses something or an answer cannot be kept there. */
	onProblem?: (message: string) => void;
}

/**
 * One launch of the package: talks to the LMS's SCORM 1.2 API (or to none, standalone), and is the
 * attempt store of the quiz session, so every change of the attempt is reported as it is saved:
 * suspend data, one interaction per question, status and score, a commit after each answer.
 */
export class LmsRun {
	/** Whether an LMS records this attempt (false: standalone, nothing is recorded). */
	readonly recording: boolean;
	/** The spec of the quiz this launch resumes or starts (its seed from the suspend data, if any). */
	readonly spec: QuizSpec & { seed: string };
	readonly passMark: number | undefined;
	/** One sentence when the LMS was there but could not start, or a saved attempt could not be resumed. */
	readonly startNotice: string | undefined;

	readonly #api: Scorm12Api | undefined;
	readonly #pack: Pack;
	readonly #byId: ReadonlyMap<string, Question>;
	readonly #questions: Question[];
	readonly #now: () => number;
	readonly #storage: Storage | undefined;
	readonly #onProblem: (message: string) => void;
	readonly #startedAt: number;
	readonly #readOnly: boolean;
	#suspendData = '';
	#finished = false;
	#begun = false;
	#last: Attempt | undefined;
	#written = new Map<number, string>();
	#spent = new Map<string, number>();
	#shownAt: number;
	#commitTimer: ReturnType<typeof setTimeout> | undefined;
	#reported = new Set<string>();

	constructor(api: Scorm12Api | undefined, pack: Pack, options: LmsOptions = {}) {
		this.#pack = pack;
		this.#byId = indexById(pack.questions);
		this.#now = options.now ?? Date.now;
		this.#storage = options.storage ?? availableStorage();
		this.#onProblem = options.onProblem ?? (() => {});
		this.#startedAt = this.#shownAt = this.#now();

		let notice: string | undefined;
		let started = false;
		if (api) {
			started = api.LMSInitialize('') === 'true';
			if (!started)
				notice = `The LMS did not start this session (${this.#errorOf(api)}), so nothing is being recorded.`;
		}
		this.#api = started ? api : undefined;
		this.recording = started;
		this.#readOnly = started && this.#get('cmi.core.lesson_mode') === 'review';
		this.passMark = parsePassMark(this.#get('cmi.student_data.mastery_score')) ?? options.passMark;
		this.#suspendData = this.#get('cmi.suspend_data');
		const savedSeed = this.#suspendData ? suspendedSeed(this.#suspendData) : undefined;
		if (this.#suspendData && !savedSeed)
			notice =
				'The LMS kept an attempt this version of the quiz cannot read, so you are starting afresh.';
		this.spec = {
			scope: { kind: 'ids', ids: pack.questions.map((q) => q.id) },
			difficulty: 'any',
			mode: pack.settings.mode,
			seed: savedSeed ?? newSeed(),
			shuffleOptions: pack.settings.shuffleOptions,
			shuffleQuestions: pack.settings.shuffleQuestions,
			title: pack.title
		};
		this.#questions = selectQuestions(pack.questions, this.spec).questions;
		this.startNotice = notice;
	}

	/** The attempt store the quiz session reads from and saves to. */
	get store(): AttemptStore {
		return {
			read: () => this.#read(),
			save: (attempt) => this.#save(attempt),
			watch: () => () => {}
		};
	}

	/** The attempt the suspend data holds, rebuilt on the pack's questions in the seed's order. */
	#read(): StoreRead {
		const store = emptyStore();
		if (!this.#suspendData || !suspendedSeed(this.#suspendData)) return { store };
		try {
			const state = decodeSuspendData(this.#suspendData, this.#questions, this.spec.mode);
			const now = new Date(this.#now()).toISOString();
			for (const [id, text] of Object.entries(this.#keptTexts())) {
				const answer = state.answers[id];
				if (answer?.kind === 'essay' && answer.text === '') state.answers[id] = { ...answer, text };
			}
			const attempt: Attempt = {
				id: `scorm-${this.spec.seed}`,
				quizKey: quizQuery({ ...this.spec, seed: undefined }),
				query: quizQuery(this.spec),
				title: this.#pack.title,
				mode: this.spec.mode,
				seed: this.spec.seed,
				shuffleOptions: this.spec.shuffleOptions,
				questionIds: this.#questions.map((q) => q.id),
				answers: state.answers,
				checked: state.checked,
				flagged: state.flagged,
				current: state.current,
				stage: state.stage,
				startedAt: now,
				updatedAt: now
			};
			if (attempt.stage === 'finished') {
				const { score, max, byTopic } = resultsOf(attempt, this.#byId, this.#pack.topics);
				store.history.push({ ...attempt, finishedAt: now, result: { score, max, byTopic } });
			} else store.inProgress.push(attempt);
			this.#last = attempt;
			return { store };
		} catch (error) {
			if (!(error instanceof SuspendDataError)) throw error;
			this.#onProblem(
				'The LMS kept an attempt this version of the quiz cannot read, so you are starting afresh.'
			);
			return { store };
		}
	}

	/** Reports an attempt to the LMS as the session saves it. */
	#save(attempt: Attempt): StoreRead {
		const store = emptyStore();
		(attempt.stage === 'finished' ? store.history : store.inProgress).push(attempt);
		if (!this.#api || this.#finished || this.#readOnly) {
			this.#last = attempt;
			return { store };
		}
		this.begin(attempt);
		const previous = this.#last;
		this.#last = attempt;
		this.#timeOnQuestions(previous, attempt);

		const encoded = encodeSuspendData(attempt, this.#byId);
		this.#keepTexts(attempt, encoded);
		this.#set('cmi.suspend_data', encoded.data);
		this.#writeAnswers(attempt, attempt.stage === 'finished');

		if (attempt.stage === 'finished' && previous?.stage !== 'finished') {
			this.#submit(attempt);
			return { store };
		}
		if (previous && onlyWritingChanged(previous, attempt)) this.#commitSoon();
		else this.#commit();
		return { store };
	}

	/**
	 * Starts reporting an attempt: one interaction per question (those the LMS does not have yet),
	 * status incomplete while it is being worked on, and resumable on exit. Called once.
	 */
	begin(attempt: Attempt): void {
		if (this.#begun || !this.#api || this.#readOnly) return;
		this.#begun = true;
		this.#last ??= attempt;
		const count = Number(this.#get('cmi.interactions._count')) || 0;
		this.#questions.forEach((q, n) => {
			if (n < count) return;
			for (const [field, value] of Object.entries(interactionDefinition(q)))
				this.#set(`cmi.interactions.${n}.${field}`, value);
			if (attempt.answers[q.id]) this.#writeAnswer(attempt, q, n);
		});
		if (attempt.stage !== 'finished') {
			const status = this.#get('cmi.core.lesson_status');
			if (status === '' || status === 'not attempted')
				this.#set('cmi.core.lesson_status', 'incomplete');
			this.#set('cmi.core.exit', 'suspend');
		}
		this.#commit();
	}

	/** Ends the launch (the page is closing): time spent, resumable unless submitted, commit, finish. */
	end(): void {
		if (!this.#api || this.#finished) return;
		clearTimeout(this.#commitTimer);
		if (!this.#readOnly) {
			this.#set('cmi.core.session_time', scormTimespan(this.#now() - this.#startedAt));
			if (this.#last?.stage !== 'finished') this.#set('cmi.core.exit', 'suspend');
			this.#commit();
		}
		this.#finish();
	}

	/** Whether this launch has ended its LMS session (after submitting, or as the page closed). */
	get ended(): boolean {
		return this.#finished;
	}

	/** Submitted: status and score, not resumable, then the LMS session ends. */
	#submit(attempt: Attempt): void {
		const results = resultsOf(attempt, this.#byId, this.#pack.topics);
		for (const [element, value] of Object.entries(scoreFields(results))) this.#set(element, value);
		this.#set('cmi.core.lesson_status', finishedStatus(results, this.passMark));
		this.#set('cmi.core.exit', '');
		this.#set('cmi.core.session_time', scormTimespan(this.#now() - this.#startedAt));
		this.#commit();
		this.#finish();
	}

	/** Records the answers that changed since last written (all of them when submitting). */
	#writeAnswers(attempt: Attempt, all: boolean): void {
		this.#questions.forEach((q, n) => {
			if (all || attempt.answers[q.id]) this.#writeAnswer(attempt, q, n);
		});
	}

	#writeAnswer(attempt: Attempt, q: Question, n: number): void {
		const fields = interactionAnswer(
			q,
			attempt.answers[q.id],
			this.#latencyOf(q.id),
			new Date(this.#now())
		);
		const key = `${fields.student_response}\u0000${fields.result}`;
		if (this.#written.get(n) === key) return;
		this.#written.set(n, key);
		for (const [field, value] of Object.entries(fields))
			this.#set(`cmi.interactions.${n}.${field}`, value);
	}

	/** Adds the time since the last change to the question that was on screen. */
	#timeOnQuestions(previous: Attempt | undefined, next: Attempt): void {
		const now = this.#now();
		if (!previous || (previous.current === next.current && previous.stage === next.stage)) return;
		if (previous.stage === 'answering') {
			const id = previous.questionIds[previous.current];
			if (id) this.#spent.set(id, (this.#spent.get(id) ?? 0) + now - this.#shownAt);
		}
		this.#shownAt = now;
	}

	/** Time on a question in this launch: its earlier visits, plus now if it is on screen. */
	#latencyOf(id: string): number {
		const last = this.#last;
		const onScreen =
			last?.stage === 'answering' && last.questionIds[last.current] === id
				? this.#now() - this.#shownAt
				: 0;
		return (this.#spent.get(id) ?? 0) + onScreen;
	}

	/** Written answers too long for the suspend data are kept in this browser too, and the student told. */
	#keepTexts(attempt: Attempt, encoded: EncodedSuspendData): void {
		if (!encoded.textsLeftOut.length) return;
		const texts = Object.fromEntries(
			encoded.textsLeftOut.flatMap((id) => {
				const answer = attempt.answers[id];
				return answer?.kind === 'essay' ? [[id, answer.text]] : [];
			})
		);
		const failed = writeJson(this.#storage, this.#textsKey(), texts);
		this.#problemOnce(
			failed ? 'texts-lost' : 'texts-local',
			failed
				? 'Your written answers are longer than the LMS can keep for resuming (SCORM 1.2 keeps 4,096 characters in all), and this browser cannot keep them either: finish them before you close this window.'
				: 'Your written answers are longer than the LMS can keep for resuming (SCORM 1.2 keeps 4,096 characters in all), so they are also kept in this browser: to carry on writing, come back on this device and browser.'
		);
	}

	#keptTexts(): Record<string, string> {
		try {
			const raw = this.#storage?.getItem(this.#textsKey());
			const parsed: unknown = raw ? JSON.parse(raw) : {};
			if (typeof parsed !== 'object' || parsed === null) return {};
			return Object.fromEntries(
				Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')
			);
		} catch {
			return {};
		}
	}

	#textsKey(): string {
		return `sourced:scorm-texts:${this.#pack.id}:${this.spec.seed}`;
	}

	#commitSoon(): void {
		clearTimeout(this.#commitTimer);
		this.#commitTimer = setTimeout(() => this.#commit(), TYPING_COMMIT_DELAY);
	}

	#commit(): void {
		clearTimeout(this.#commitTimer);
		if (this.#api && !this.#finished && this.#api.LMSCommit('') !== 'true')
			this.#problemOnce(
				'commit',
				`The LMS did not save your progress (${this.#errorOf(this.#api)}).`
			);
	}

	#finish(): void {
		if (!this.#api || this.#finished) return;
		this.#finished = true;
		this.#api.LMSFinish('');
	}

	#get(element: string): string {
		if (!this.#api) return '';
		const value = this.#api.LMSGetValue(element);
		return typeof value === 'string' ? value : '';
	}

	#set(element: string, value: string): void {
		if (!this.#api || this.#finished) return;
		if (this.#api.LMSSetValue(element, value) !== 'true')
			this.#problemOnce(
				element,
				`The LMS did not accept ${element} (${this.#errorOf(this.#api)}); your answers are still shown here.`
			);
	}

	#problemOnce(key: string, message: string): void {
		if (this.#reported.has(key)) return;
		this.#reported.add(key);
		this.#onProblem(message);
	}

	#errorOf(api: Scorm12Api): string {
		const code = api.LMSGetLastError();
		return `error ${code}: ${api.LMSGetErrorString(code)}`;
	}
}

/** Whether the only change between two saves is typing in a written answer (commit later, not per key). */
function onlyWritingChanged(a: Attempt, b: Attempt): boolean {
	if (a.current !== b.current || a.stage !== b.stage || a.checked.length !== b.checked.length)
		return false;
	const ids = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]);
	for (const id of ids) {
		const x = a.answers[id];
		const y = b.answers[id];
		if (x === y) continue;
		// Starting a written answer is typing too; ticking its criteria is not.
		const sameCriteria =
			x === undefined
				? y?.kind === 'essay' && y.met.length === 0
				: x.kind === 'essay' && y?.kind === 'essay' && x.met.join() === y.met.join();
		if (!sameCriteria) return false;
	}
	return true;
}
