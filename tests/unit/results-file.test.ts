import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/lib/quiz/answers';
import { finishAttempt, indexById, setAnswer, type Attempt } from '../../src/lib/quiz/attempt';
import { resultsOf, type Results } from '../../src/lib/quiz/attempt-results';
import { handInSchema } from '../../src/lib/quiz/hand-in-schema';
import { handInCsv, handInFileName, handInRecord } from '../../src/lib/quiz/results-file';
import { attemptOf } from '../helpers/attempts';
import { oneOfEachKind, singleQuestion } from '../helpers/questions';

const finishedAt = '2026-11-22T10:30:00.000Z';
const topics = [{ id: 'compensation', title: 'Compensation' }];

/** Single right, multiple two of three right, the rest unanswered. */
const twoAnswered: Record<string, Answer> = {
	'q-single': { kind: 'single', choice: 'b' },
	'q-multiple': { kind: 'multiple', choices: ['a', 'b'] }
};

/** A submitted test of the five kinds with these answers. */
function handedIn(answers = twoAnswered, questions = oneOfEachKind()) {
	let a = attemptOf({ id: 'att-7', mode: 'test', title: 'Compensation, test' });
	for (const [id, answer] of Object.entries(answers)) a = setAnswer(a, id, answer, finishedAt);
	const results = resultsOf(a, indexById(questions), topics);
	return { attempt: finishAttempt(a, results, finishedAt), results };
}

const who = { student: 'Ada Lovelace', bankVersion: 'b-test' };
const resultsRecord = (attempt: Attempt, results: Results) => handInRecord(attempt, results, who);
const resultsCsv = (attempt: Attempt, results: Results) =>
	handInCsv(resultsRecord(attempt, results));

/** The CSV as a spreadsheet would read it: one object per row, keyed by the header. */
const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true });

describe('the results file a student hands in', () => {
	it('records who, what and when, with the score rounded to three places', () => {
		const { attempt, results } = handedIn();
		expect(resultsRecord(attempt, results)).toMatchObject({
			format: 'sourced-hand-in',
			formatVersion: 1,
			student: 'Ada Lovelace',
			quiz: {
				title: 'Compensation, test',
				key: 'topic=compensation',
				link: '/quiz?topic=compensation&seed=s1',
				questionIds: ['q-single', 'q-multiple', 'q-tf', 'q-order', 'q-match'],
				bankVersion: 'b-test'
			},
			attemptId: 'att-7',
			mode: 'test',
			seconds: 1800,
			startedAt: '2026-11-22T10:00:00.000Z',
			finishedAt,
			score: 1.667,
			maxScore: 5,
			percent: 33,
			byTopic: [{ topic: 'compensation', title: 'Compensation', score: 1.667, max: 5 }]
		});
	});

	it('gives every question its answer and the right answer in words, its score and verdict', () => {
		const { attempt, results } = handedIn();
		const [single, multiple, trueFalse] = resultsRecord(attempt, results).questions;
		expect(single).toEqual({
			id: 'q-single',
			topic: 'compensation',
			kind: 'single',
			prompt: 'Prompt',
			answer: 'Option B',
			rightAnswer: 'Option B',
			response: { kind: 'single', choice: 'b' },
			score: 1,
			verdict: 'correct'
		});
		expect(multiple).toMatchObject({
			answer: 'Right one; Right two',
			rightAnswer: 'Right one; Right two; Right three',
			score: 0.667,
			verdict: 'partial'
		});
		expect(trueFalse).toMatchObject({ answer: 'No answer', score: 0, verdict: 'incorrect' });
	});

	it('reads back from CSV as one row per question, attempt details on each', () => {
		const { attempt, results } = handedIn();
		const rows = rowsOf(resultsCsv(attempt, results));
		expect(rows.map((r) => r.question_id)).toEqual([
			'q-single',
			'q-multiple',
			'q-tf',
			'q-order',
			'q-match'
		]);
		expect(rows[1]).toMatchObject({
			student: 'Ada Lovelace',
			attempt_id: 'att-7',
			date: finishedAt,
			quiz: 'Compensation, test',
			question_id: 'q-multiple',
			topic: 'compensation',
			kind: 'multiple',
			prompt: 'Prompt',
			answer: 'Right one; Right two',
			right_answer: 'Right one; Right two; Right three',
			score: '0.667',
			verdict: 'partial',
			self_assessed: '',
			response: '{"kind":"multiple","choices":["a","b"]}',
			quiz_key: 'topic=compensation',
			bank_version: 'b-test',
			seconds: '1800',
			mode: 'test'
		});
	});

	it('keeps commas, quotes and line breaks in the text, and defuses text a spreadsheet would run', () => {
		const prompt = 'Who said "unpaid labour",\nand where?';
		const questions = oneOfEachKind().map((q) =>
			q.id === 'q-single'
				? singleQuestion({
						prompt,
						options: [
							{ id: 'a', text: '=HYPERLINK("x")', correct: false, feedback: '' },
							{ id: 'b', text: 'Option B', correct: true, feedback: '' }
						]
					})
				: q
		);
		const { attempt, results } = handedIn(
			{ 'q-single': { kind: 'single', choice: 'a' } },
			questions
		);
		const [row] = rowsOf(resultsCsv(attempt, results));
		expect(row).toMatchObject({ prompt, answer: `'=HYPERLINK("x")`, right_answer: 'Option B' });
	});

	it('defuses a formula behind white space or a control character in a results file too', () => {
		const hidden = ['\u0001=HYPERLINK("x")', '  @SUM(A1)'];
		const questions = oneOfEachKind().map((q) =>
			q.id === 'q-single'
				? singleQuestion({
						prompt: hidden[1]!,
						options: [
							{ id: 'a', text: hidden[0]!, correct: false, feedback: '' },
							{ id: 'b', text: 'Option B', correct: true, feedback: '' }
						]
					})
				: q
		);
		const { attempt, results } = handedIn(
			{ 'q-single': { kind: 'single', choice: 'a' } },
			questions
		);
		const [row] = rowsOf(resultsCsv(attempt, results));
		expect(row).toMatchObject({ prompt: `'${hidden[1]}`, answer: `'${hidden[0]}` });
	});

	it('dates an unfinished attempt by when it started', () => {
		const attempt = attemptOf();
		const results = resultsOf(attempt, indexById(oneOfEachKind()), topics);
		expect(resultsRecord(attempt, results)).toMatchObject({ finishedAt: null, seconds: null });
		expect(rowsOf(resultsCsv(attempt, results))[0]?.date).toBe('2026-11-22T10:00:00.000Z');
	});

	it('is what the one hand-in schema accepts, and the schema refuses a file with a score above its maximum', () => {
		const { attempt, results } = handedIn();
		const record = resultsRecord(attempt, results);
		expect(handInSchema.safeParse(record).success).toBe(true);
		expect(handInSchema.safeParse({ ...record, score: 6 }).success).toBe(false);
		expect(handInSchema.safeParse({ ...record, student: '   ' }).success).toBe(false);
	});
});

describe('the hand-in file name', () => {
	const day = new Date(2026, 10, 22, 23, 30);

	it('is the quiz title, the student and the day, joined by dashes', () => {
		expect(handInFileName('Week 3 quiz', 'Ada Lovelace', day, 'json')).toBe(
			'Week 3 quiz - Ada Lovelace - 2026-11-22.json'
		);
		expect(handInFileName('Week 3 quiz', 'Ada Lovelace', day, 'csv')).toBe(
			'Week 3 quiz - Ada Lovelace - 2026-11-22.csv'
		);
	});

	it('keeps letters of any script but turns path and shell characters into spaces', () => {
		expect(handInFileName('Week 3: “Sora”/leak?', 'Zoë <O’Brien> | ../..', day, 'json')).toBe(
			'Week 3 Sora leak - Zoë O Brien .. .. - 2026-11-22.json'
		);
	});

	it('never makes a name of dots alone or an empty title', () => {
		expect(handInFileName('***', '..', day, 'csv')).toBe('Sourced quiz - 2026-11-22.csv');
	});
});
