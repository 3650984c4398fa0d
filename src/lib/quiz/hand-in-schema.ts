import '../zod-jitless';
import * as z from 'zod/mini';
import { modes, questionKinds } from '../content/vocabulary';
import { answerSchema } from './attempt-schema';
import {
	HAND_IN_FORMAT,
	HAND_IN_VERSION,
	MAX_HAND_IN_QUESTIONS,
	MAX_STUDENT_NAME
} from './hand-in-format';

export { HAND_IN_FORMAT, HAND_IN_VERSION, MAX_HAND_IN_QUESTIONS, MAX_STUDENT_NAME };

// The one definition of a hand-in: the results file a student downloads and a teacher drops on
// /instructor/results. The quiz page writes it (results-file.ts); the results page reads JSON and CSV
// hand-ins back through this schema. zod/mini, as attempt-schema, because it runs in the browser.

const id = z.string().check(z.minLength(1), z.maxLength(200));
const text = (max: number) => z.string().check(z.maxLength(max));
const score = z.number().check(z.nonnegative(), z.lte(1000));
const withinMax = z.refine<{ score: number; max: number }>(
	(s) => s.score <= s.max + 1e-6,
	'score above its maximum'
);

const questionSchema = z.object({
	id,
	topic: id,
	kind: z.enum(questionKinds),
	prompt: text(5000),
	/** The answer in words, as the student saw it. */
	answer: text(25000),
	rightAnswer: text(25000),
	/** The answer itself (option ids, order, matches, written text), or null when not answered. */
	response: z.nullable(answerSchema),
	/** From 0 to 1 (rounded to three places); null for a written answer, which is not marked. */
	score: z.nullable(z.number().check(z.gte(0), z.lte(1))),
	verdict: z.enum(['correct', 'partial', 'incorrect', 'written']),
	selfAssessed: z.optional(
		z
			.object({ points: score, max: score })
			.check(z.refine((s) => s.points <= s.max, 'self-assessed points above the rubric’s total'))
	)
});
export type HandInQuestion = z.infer<typeof questionSchema>;

export const handInSchema = z
	.object({
		format: z.literal(HAND_IN_FORMAT),
		formatVersion: z.literal(HAND_IN_VERSION),
		student: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_STUDENT_NAME)),
		quiz: z.object({
			title: text(200),
			/** The quiz's link without its seed: every student of one shared quiz has the same key. */
			key: text(40000),
			/** The link this student took, seed included (their question and option order). */
			link: text(40000),
			questionIds: z.array(id).check(
				z.maxLength(MAX_HAND_IN_QUESTIONS),
				z.refine((list) => new Set(list).size === list.length, 'repeated question id')
			),
			/** The bank's version when the quiz was taken (see `bankVersion`). */
			bankVersion: id
		}),
		attemptId: id,
		mode: z.enum(modes),
		startedAt: text(40),
		finishedAt: z.nullable(text(40)),
		/** From starting to submitting, in seconds (breaks included); null if never submitted. */
		seconds: z.nullable(z.number().check(z.int(), z.nonnegative())),
		score,
		maxScore: z.number().check(z.int(), z.nonnegative(), z.lte(MAX_HAND_IN_QUESTIONS)),
		percent: z.number().check(z.gte(0), z.lte(100)),
		byTopic: z.array(z.object({ topic: id, title: text(200), score, max: score }).check(withinMax)),
		selfAssessment: z.object({ count: score, points: score, max: score }),
		questions: z.array(questionSchema).check(z.maxLength(MAX_HAND_IN_QUESTIONS))
	})
	.check(
		z.refine((h) => h.score <= h.maxScore + 1e-6, 'score above its maximum'),
		z.refine((h) => {
			const listed = new Set(h.quiz.questionIds);
			return h.questions.every((q) => listed.has(q.id));
		}, 'a question that is not in the quiz’s list of question ids')
	);
/** A student's results file as handed in. */
export type HandIn = z.infer<typeof handInSchema>;
