// The bank's fixed vocabularies and their labels, free of zod so browser code can use them without the
// schema library. Every list here is the one source of its values: schemas, filters, forms and
// exporters read them from this module.

export const difficulties = ['intro', 'core', 'advanced'] as const;
export type Difficulty = (typeof difficulties)[number];
export const difficultyLabels: Record<Difficulty, string> = {
	intro: 'Intro',
	core: 'Core',
	advanced: 'Advanced'
};

export const questionKinds = [
	'single',
	'multiple',
	'true-false',
	'ordering',
	'matching',
	'essay'
] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const kindLabels: Record<QuestionKind, string> = {
	single: 'Single answer',
	multiple: 'Multiple answer',
	'true-false': 'True or false',
	ordering: 'Ordering',
	matching: 'Matching',
	essay: 'Written argument'
};

/** Cognitive levels, after Bloom's revised taxonomy: what a question asks a student to do. */
export const levels = ['recall', 'understand', 'apply', 'analyse', 'evaluate'] as const;
export type CognitiveLevel = (typeof levels)[number];
export const levelLabels: Record<CognitiveLevel, string> = {
	recall: 'Recall',
	understand: 'Understand',
	apply: 'Apply',
	analyse: 'Analyse',
	evaluate: 'Evaluate'
};

/**
 * Every question an instructor writes in the browser has an id that starts so, and no bank question
 * may (the loader refuses it): the two can never be confused or collide.
 */
export const AUTHORED_ID_PREFIX = 'my-';

/** Why a bank question may not have this id, if it may not. */
export function reservedIdProblem(id: string): string | undefined {
	return id.startsWith(AUTHORED_ID_PREFIX)
		? `ids starting with "${AUTHORED_ID_PREFIX}" are kept for questions instructors write in the browser; give it its topic's own prefix, such as "comp-34"`
		: undefined;
}

/** Practice shows feedback after each answer; test shows it after a review-and-submit screen. */
export const modes = ['practice', 'test'] as const;
export type Mode = (typeof modes)[number];
export const modeLabels: Record<Mode, string> = { practice: 'Practice', test: 'Test' };

/** Stops the build when a list above and the type it stands for part ways. */
export type AssertSameKeys<A extends string, B extends string> = [A] extends [B]
	? [B] extends [A]
		? true
		: never
	: never;

/**
 * Marks the end of a switch or if-chain over question kinds: the compiler rejects the call while a
 * kind is left unhandled, so adding a kind lists every place that must learn about it.
 */
export function unhandledKind(value: never): never {
	throw new Error(`unhandled question kind: ${JSON.stringify(value)}`);
}
