import '../zod-jitless';
import * as z from 'zod/mini';
import { modes, type QuestionKind } from '../content/vocabulary';

// The one definition of an attempt and its answers. Attempts are stored in the browser and read back
// through these schemas, so the types below are inferred from them, never written out a second time.
// zod/mini keeps the quiz page's bundle small.

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** What a student has answered, one shape per question kind. Ids refer to options, items or pairs. */
const answerSchemas = {
	single: z.object({ kind: z.literal('single'), choice: id }),
	multiple: z.object({ kind: z.literal('multiple'), choices: z.array(id) }),
	'true-false': z.object({ kind: z.literal('true-false'), value: z.boolean() }),
	ordering: z.object({ kind: z.literal('ordering'), order: z.array(id) }),
	matching: z.object({ kind: z.literal('matching'), matches: z.record(z.string(), z.string()) }),
	/** The written text, and the rubric criteria the student judged it to meet. */
	essay: z.object({
		kind: z.literal('essay'),
		text: z.string().check(z.maxLength(20000)),
		met: z.array(id)
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

export const topicScoreSchema = z.object({
	topic: id,
	title: z.string(),
	score: z.number(),
	max: z.number()
});
export type TopicScore = z.infer<typeof topicScoreSchema>;

export const attemptResultSchema = z.object({
	score: z.number(),
	max: z.number(),
	byTopic: z.array(topicScoreSchema)
});
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
	questionIds: z.array(id),
	answers: z.record(z.string(), answerSchema),
	/** Practice mode: questions whose answer was checked (and is now locked). */
	checked: z.array(id),
	flagged: z.array(id),
	current: z.number().check(z.int(), z.nonnegative()),
	stage: z.enum(stages),
	startedAt: z.string(),
	updatedAt: z.string(),
	finishedAt: z.optional(z.string()),
	result: z.optional(attemptResultSchema)
});
export type Attempt = z.infer<typeof attemptSchema>;
