import '../zod-jitless';
import * as z from 'zod/mini';
import { modes, type QuestionKind } from '../content/vocabulary';
import { noRepeatedIds, noRepeatedTopics, scoreWithinMax } from './attempt-rules';

// The one definition of an attempt and its answers. Attempts are stored in the browser and read back
// through these schemas, so the types below are inferred from them, never written out a second time.
// The browser does not load zod to read them: `npm run build` generates attempt-validator.generated.ts
// from these schemas (scripts/generate-validators.ts), and a test keeps the two in step.

const id = z.string().check(z.minLength(1), z.maxLength(200));
/** A list of ids, each at most once: pages key their lists by id, and a repeat would break them. */
const ids = z.array(id).check(z.refine(noRepeatedIds, 'repeated id'));
const withinMax = z.refine<{ score: number; max: number }>(
	scoreWithinMax,
	'score above its maximum'
);
/** A score out of a number of questions: never below 0, nor above the maximum (whole questions). */
const score = z.number().check(z.nonnegative());
const max = z.number().check(z.int(), z.nonnegative());

/** What a student has answered, one shape per question kind. Ids refer to options, items or pairs. */
const answerSchemas = {
	single: z.object({ kind: z.literal('single'), choice: id }),
	multiple: z.object({ kind: z.literal('multiple'), choices: ids }),
	'true-false': z.object({ kind: z.literal('true-false'), value: z.boolean() }),
	ordering: z.object({ kind: z.literal('ordering'), order: ids }),
	matching: z.object({ kind: z.literal('matching'), matches: z.record(z.string(), z.string()) }),
	/** The written text, and the rubric criteria the student judged it to meet. */
	essay: z.object({
		kind: z.literal('essay'),
		text: z.string().check(z.maxLength(20000)),
		met: ids
	})
} satisfies Record<QuestionKind, z.ZodMiniObject>;

export const answerSchema = z.discriminatedUnion('kind', [
	answerSchemas.single,
	answerSchemas.multiple,
	answerSchemas['true-false'],
	answerSchemas.ordering,
	answerSchemas.matching,
	answerSchemas.essay
]);
export type Answer = z.infer<typeof answerSchema>;

export const topicScoreSchema = z
	.object({ topic: id, title: z.string(), score, max })
	.check(withinMax);
export type TopicScore = z.infer<typeof topicScoreSchema>;

export const attemptResultSchema = z
	.object({
		score,
		max,
		byTopic: z.array(topicScoreSchema).check(z.refine(noRepeatedTopics, 'repeated topic'))
	})
	.check(withinMax);
/** Scores frozen when an attempt finished, so history survives later edits to the bank. */
export type AttemptResult = z.infer<typeof attemptResultSchema>;

export const stages = ['answering', 'review', 'finished'] as const;
export type Stage = (typeof stages)[number];

/** One run through a quiz: everything needed to show it again exactly as it was. */
export const attemptSchema = z.object({
	id,
	/** The quiz's link without its seed: a second visit to the same quiz resumes this attempt. */
	quizKey: z.string(),
	/** The full link, seed included. */
	query: z.string(),
	title: z.string(),
	mode: z.enum(modes),
	seed: id,
	shuffleOptions: z.boolean(),
	questionIds: ids,
	answers: z.record(z.string(), answerSchema),
	/** Practice mode: questions whose answer was checked (and is now locked). */
	checked: ids,
	flagged: ids,
	current: z.number().check(z.int(), z.nonnegative()),
	stage: z.enum(stages),
	startedAt: z.string(),
	updatedAt: z.string(),
	finishedAt: z.optional(z.string()),
	result: z.optional(attemptResultSchema)
});
export type Attempt = z.infer<typeof attemptSchema>;

/** What the browser's localStorage keeps under `STORE_KEY`: each attempt is read on its own. */
export const storedAttemptsSchema = z.object({
	version: z.literal(1),
	inProgress: z.array(z.unknown()),
	history: z.array(z.unknown())
});
export type StoredAttempts = z.infer<typeof storedAttemptsSchema>;
