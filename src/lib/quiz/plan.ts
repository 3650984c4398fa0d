import type { Attempt } from './attempt-schema';
import { quizQuery, type QuizSpec } from './link';
import type { QuestionRef } from './question-files';
import { newSeed } from './random';
import { selectQuestions } from './selection';
import type { Store } from './attempt-store';

/**
 * The saved attempt a quiz link resumes: with a seed, the attempt with exactly that link (finished
 * ones included, to show their results); without, the unfinished attempt at the same quiz.
 */
export function resumableAttempt(saved: Store, spec: QuizSpec): Attempt | undefined {
	if (spec.seed) {
		const query = quizQuery(spec);
		return [...saved.inProgress, ...saved.history].find((a) => a.query === query);
	}
	const quizKey = quizQuery({ ...spec, seed: undefined });
	return saved.inProgress.find((a) => a.quizKey === quizKey);
}

/** What a quiz page must load before it opens a quiz, and the spec to open it with. */
export interface QuizPlan {
	/** The link's spec, given a seed when a new attempt starts (so the draw is known in advance). */
	spec: QuizSpec;
	/** The questions the attempt shows: the resumed attempt's, or the new draw's (known ids only). */
	questionIds: string[];
	/** The question it opens on: the resumed attempt's current one, or the draw's first. */
	opensOn: string | undefined;
}

/**
 * Decides, from the question references alone, which questions a quiz link shows: those of the
 * attempt it resumes, or else a draw with the link's seed (a new one if it has none). Opening the
 * returned spec resumes or draws exactly these.
 */
export function planQuiz(index: readonly QuestionRef[], spec: QuizSpec, saved: Store): QuizPlan {
	const resumed = resumableAttempt(saved, spec);
	if (resumed)
		return {
			spec,
			questionIds: resumed.questionIds,
			opensOn: resumed.questionIds[resumed.current]
		};
	const seeded = { ...spec, seed: spec.seed ?? newSeed() };
	const questionIds = selectQuestions(index, seeded).questions.map((q) => q.id);
	return { spec: seeded, questionIds, opensOn: questionIds[0] };
}
