import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/schema';
import { packSchema } from '../../src/lib/content/schema';
import { indexById, startAttempt, type Attempt } from '../../src/lib/quiz/attempt';
import {
	decodeSuspendData,
	encodeSuspendData,
	SUSPEND_DATA_LIMIT,
	SuspendDataError,
	suspendedSeed
} from '../../src/lib/scorm/suspend';
import {
	essayQuestion,
	matchingQuestion,
	multipleQuestion,
	oneOfEachKind,
	orderingQuestion,
	singleQuestion
} from '../helpers/questions';

function attemptOf(questions: Question[], over: Partial<Attempt> = {}): Attempt {
	return {
		...startAttempt({
			id: 'a1',
			quizKey: 'k',
			query: 'q',
			title: 'T',
			mode: 'practice',
			seed: 'abc123',
			shuffleOptions: true,
			questionIds: questions.map((q) => q.id),
			now: '2026-12-02T00:00:00.000Z'
		}),
		...over
	};
}

/** Six-pair matching: the kind whose answer takes the most bits. */
const sixPairs = (id: string) =>
	matchingQuestion({
		id,
		pairs: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, left: `L${i}`, right: `R${i}` }))
	});

/** Each left item matched to the next one's right text: every pair filled, all wrong. */
const rotatedMatches = () =>
	Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}`, `p${(i + 1) % 6}`]));

describe('suspend data', () => {
	it('gives back every answer of every kind, the flags, the checks, the stage and the place', () => {
		const questions = [...oneOfEachKind(), essayQuestion()];
		const attempt = attemptOf(questions, {
			current: 4,
			stage: 'review',
			flagged: ['q-tf', 'q-essay'],
			checked: ['q-single', 'q-order'],
			answers: {
				'q-single': { kind: 'single', choice: 'c' },
				'q-multiple': { kind: 'multiple', choices: ['a', 'd'] },
				'q-tf': { kind: 'true-false', value: false },
				'q-order': { kind: 'ordering', order: ['paused', 'posted', 'disabled', 'shared'] },
				'q-match': { kind: 'matching', matches: { p300: 'p20', p16: 'p16' } },
				'q-essay': { kind: 'essay', text: 'ReadWrite reports… “quoted” ~:|', met: ['evidence'] }
			}
		});
		const { data, textsLeftOut } = encodeSuspendData(attempt, indexById(questions));
		expect(textsLeftOut).toEqual([]);
		expect(suspendedSeed(data)).toBe('abc123');
		const back = decodeSuspendData(data, questions, 'practice');
		expect(back).toMatchObject({
			seed: 'abc123',
			stage: 'review',
			current: 4,
			answers: attempt.answers
		});
		expect(back.flagged.sort()).toEqual(['q-essay', 'q-tf']);
		expect(back.checked.sort()).toEqual(['q-order', 'q-single']);
	});

	it('keeps a pack of 1,000 six-pair matching questions, all answered, flagged and checked, under 4,096 characters', () => {
		// The pack schema's limit: a pack holds at most 1,000 questions.
		const questions = Array.from({ length: 1000 }, (_, i) => sixPairs(`m-${i}`));
		const biggest = packSchema.safeParse({
			schemaVersion: 1,
			id: 'biggest',
			title: 'Biggest',
			settings: {},
			topics: [{ id: 'compensation', title: 'C' }],
			sources: [],
			questions: [...questions, singleQuestion({ id: 'one-too-many' })]
		});
		expect(biggest.success).toBe(false);
		expect(JSON.stringify(biggest.error?.issues)).toContain('at most 1,000 questions');

		const ids = questions.map((q) => q.id);
		const attempt = attemptOf(questions, {
			seed: 'a'.repeat(32),
			current: 999,
			flagged: ids,
			checked: ids,
			answers: Object.fromEntries(
				ids.map((id) => [id, { kind: 'matching', matches: rotatedMatches() }])
			)
		});
		const { data } = encodeSuspendData(attempt, indexById(questions));
		expect(data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
		// 20 bits a question (a flag, a check, six 3-bit matches) and a 43-character head.
		expect(data.length).toBe(3379);
		expect(decodeSuspendData(data, questions, 'practice').answers['m-999']).toEqual({
			kind: 'matching',
			matches: rotatedMatches()
		});
	});

	it('keeps 1,000 questions of the other large kinds under the limit too', () => {
		const questions: Question[] = Array.from({ length: 1000 }, (_, i) =>
			i % 3 === 0
				? orderingQuestion({
						id: `o-${i}`,
						items: Array.from({ length: 6 }, (_, k) => ({ id: `i${k}`, text: `I${k}` }))
					})
				: i % 3 === 1
					? multipleQuestion({
							id: `m-${i}`,
							options: Array.from({ length: 8 }, (_, k) => ({
								id: `o${k}`,
								text: `O${k}`,
								correct: k < 2,
								feedback: 'F'
							}))
						})
					: essayQuestion({ id: `e-${i}` })
		);
		const { data } = encodeSuspendData(attemptOf(questions), indexById(questions));
		expect(data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
	});

	it('adds written answers while they fit, and names those that do not', () => {
		const questions = [essayQuestion({ id: 'e-1' }), essayQuestion({ id: 'e-2' })];
		const long = 'x'.repeat(3000);
		const attempt = attemptOf(questions, {
			answers: {
				'e-1': { kind: 'essay', text: long, met: [] },
				'e-2': { kind: 'essay', text: long, met: ['position'] }
			}
		});
		const { data, textsLeftOut } = encodeSuspendData(attempt, indexById(questions));
		expect(data.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
		expect(textsLeftOut).toEqual(['e-2']);
		const back = decodeSuspendData(data, questions, 'practice');
		expect(back.answers['e-1']).toEqual({ kind: 'essay', text: long, met: [] });
		// The answer and its self-assessment are kept; only the text must come from elsewhere.
		expect(back.answers['e-2']).toEqual({ kind: 'essay', text: '', met: ['position'] });
	});

	it('refuses suspend data made for other questions, or damaged', () => {
		const questions = oneOfEachKind();
		const { data } = encodeSuspendData(attemptOf(questions), indexById(questions));
		expect(() => decodeSuspendData(data, questions.slice(1), 'practice')).toThrow(SuspendDataError);
		expect(() => decodeSuspendData(data.slice(0, -2), questions, 'practice')).toThrow(
			SuspendDataError
		);
		expect(() => decodeSuspendData('lesson=3', questions, 'practice')).toThrow(SuspendDataError);
		expect(suspendedSeed('lesson=3')).toBeUndefined();
	});
});
