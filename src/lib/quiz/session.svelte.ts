import type { Question, Topic } from '../content/schema';
import type { Answer } from './answers';
import {
	checkAnswer,
	finishAttempt,
	goTo,
	indexById,
	openReview,
	selfAssess,
	setAnswer,
	startAttempt,
	timestamp,
	toggleFlag,
	withoutQuestions,
	type Attempt
} from './attempt';
import { layoutOf } from './layout';
import { quizQuery, type QuizSpec } from './link';
import { resumableAttempt } from './plan';
import type { QuestionRef } from './question-files';
import type { outcomeOf, Results, resultsOf } from './attempt-results';
import { selectQuestions } from './selection';
import { newSeed } from './random';
import type { AttemptStore, StoreNotice, StoreRead } from './attempt-store';

/** What marks answers (see marking.ts): the quiz page hands it over after the first question shows. */
export interface Marking {
	outcomeOf: typeof outcomeOf;
	resultsOf: typeof resultsOf;
}

export interface QuizContent {
	/** The questions at hand: the whole bank, or (with `index`) at least those this quiz shows. */
	questions: Question[];
	/**
	 * Every question of the bank by reference, in bank order, where `questions` holds only some
	 * (see `planQuiz`): new quizzes are drawn from it, so the draw is the bank's whatever was loaded.
	 */
	index?: readonly QuestionRef[];
	topics: Pick<Topic, 'id' | 'title'>[];
	/** The bank's version (see `bankVersion`), written into the results a student hands in. */
	bankVersion?: string;
}

/**
 * One student's quiz on one page: the attempt as reactive state, saved after every change. Created by
 * the quiz page; all the rules live in the pure functions it calls.
 */
export class QuizSession {
	attempt: Attempt = $state()!;
	/** Why saving is not possible or saved data had to be set aside, if so (worded in store-notices.ts). */
	storageNotice: StoreNotice | undefined = $state();
	/** One sentence when this attempt moved on in another tab of this browser. */
	otherTabNotice: string | undefined = $state();
	/** Question ids in the link, or in the resumed attempt, that this version of the bank does not have. */
	readonly unknownIds: string[];
	/** Whether this is a saved attempt resumed (so its unknown ids are questions that have left the bank). */
	readonly resumed: boolean;
	readonly byId: ReadonlyMap<string, Question>;
	/** The bank's version, or 'unknown' where the page did not say (a hand-in still names it). */
	readonly bankVersion: string;
	readonly #store: AttemptStore;
	readonly #topics: QuizContent['topics'];
	/** The code that marks answers; until it is here, nothing can be checked for a score or submitted. */
	#marking: Marking | undefined = $state();

	readonly questions: Question[];
	readonly current: Question | undefined;
	/** The attempt marked and totalled; undefined until the marking code is here (see `markWith`). */
	readonly results: Results | undefined;

	/**
	 * Resumes the attempt this quiz belongs to, or starts one (choosing a seed if the spec has none).
	 * Attempts live in the store given (this browser's localStorage, or an LMS's). Without `marking`,
	 * answers are marked once `markWith` hands it over.
	 */
	constructor(
		content: QuizContent,
		spec: QuizSpec,
		title: string,
		store: AttemptStore,
		marking?: Marking
	) {
		this.#marking = marking;
		this.#topics = content.topics;
		this.byId = indexById(content.questions);
		this.bankVersion = content.bankVersion ?? 'unknown';
		this.#store = store;
		this.questions = $derived(this.attempt.questionIds.flatMap((id) => this.byId.get(id) ?? []));
		this.current = $derived(this.questions[this.attempt.current]);
		this.results = $derived(this.#marking?.resultsOf(this.attempt, this.byId, this.#topics));
		const { store: saved, notice } = store.read();
		this.storageNotice = notice;

		const resumable = resumableAttempt(saved, spec);
		this.resumed = !!resumable;
		if (resumable) {
			this.attempt = resumable;
			this.unknownIds = resumable.questionIds.filter((id) => !this.byId.has(id));
			// Carry on with the questions still in the bank (a submitted attempt keeps its frozen record).
			if (resumable.stage !== 'finished')
				this.#update((a, now) => withoutQuestions(a, this.unknownIds, now));
			return;
		}
		const seed = spec.seed ?? newSeed();
		const { questions, unknownIds } = selectQuestions(content.index ?? content.questions, {
			...spec,
			seed
		});
		this.unknownIds = unknownIds;
		this.attempt = startAttempt({
			id: `${Date.now().toString(36)}-${seed}`,
			quizKey: quizQuery({ ...spec, seed: undefined }),
			query: quizQuery({ ...spec, seed }),
			title,
			mode: spec.mode,
			seed,
			shuffleOptions: spec.shuffleOptions,
			questionIds: questions.map((q) => q.id),
			now: timestamp()
		});
		this.#save();
	}

	layoutOf(question: Question) {
		return layoutOf(question, this.attempt.seed, this.attempt.shuffleOptions);
	}

	/** Marks answers and totals results from now on. */
	markWith(marking: Marking) {
		this.#marking = marking;
	}

	/** The student's answer to a question, marked; undefined until the marking code is here. */
	outcomeOf(question: Question) {
		return this.#marking?.outcomeOf(question, this.attempt.answers[question.id]);
	}

	answer(questionId: string, answer: Answer) {
		this.#update((a, now) => setAnswer(a, questionId, answer, now));
	}
	check(questionId: string) {
		this.#update((a, now) => checkAnswer(a, questionId, now));
	}
	/** Records which rubric criteria the student judges a written answer to meet (open after checking). */
	selfAssess(questionId: string, met: string[]) {
		this.#update((a, now) => selfAssess(a, questionId, met, now));
	}
	toggleFlag(questionId: string) {
		this.#update((a, now) => toggleFlag(a, questionId, now));
	}
	goTo(index: number) {
		this.#update((a, now) => goTo(a, index, now));
	}
	review() {
		this.#update((a, now) => openReview(a, now));
	}
	/** Submits the attempt with its results; does nothing until the marking code is here. */
	finish() {
		const results = this.results;
		if (results) this.#update((a, now) => finishAttempt(a, results, now));
	}

	#update(change: (a: Attempt, now: string) => Attempt) {
		const next = change(this.attempt, timestamp());
		if (next === this.attempt) return;
		this.attempt = next;
		this.#save();
	}

	/**
	 * Follows what other tabs of this browser do to this attempt: a later change made there is shown
	 * here, and the page says so. Returns how to stop (the quiz page calls this once it is shown).
	 */
	followOtherTabs(): () => void {
		return this.#store.watch(() => this.#takeOtherTabChanges());
	}

	#takeOtherTabChanges() {
		const { store } = this.#store.read();
		const mine = this.attempt;
		const theirs = [...store.inProgress, ...store.history].find((a) => a.id === mine.id);
		if (!theirs) {
			this.otherTabNotice =
				'This attempt was cleared from this browser in another tab; answering here saves it again.';
			return;
		}
		// ISO timestamps from one clock: the later write of this attempt wins, here as in storage.
		if (theirs.updatedAt <= mine.updatedAt) return;
		this.attempt = theirs;
		this.otherTabNotice =
			theirs.stage === 'finished' && mine.stage !== 'finished'
				? 'This attempt was submitted in another tab, so its results are shown here.'
				: 'This attempt moved on in another tab, so this page now shows its latest answers.';
	}

	#save() {
		const saved = this.#store.save($state.snapshot(this.attempt) as Attempt);
		// A store that had to load the code checking another tab's save reports a moment later.
		if (saved instanceof Promise) void saved.then((later) => this.#noticeOf(later));
		else this.#noticeOf(saved);
	}

	#noticeOf({ notice }: StoreRead) {
		if (notice) this.storageNotice = notice;
	}
}
