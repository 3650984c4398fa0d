import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/lib/quiz/answers';
import { finishAttempt, indexById, resultsOf, setAnswer } from '../../src/lib/quiz/attempt';
import { resultsCsv, resultsRecord } from '../../src/lib/quiz/results-file';
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

/** The CSV as a spreadsheet would read it: one object per row, keyed by the header. */
const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { bom: true, columns: true });

describe('the results file a student hands in', () => {
	it('records who, what and when, with the score rounded to three places', () => {
		const { attempt, results } = handedIn();
		expect(resultsRecord(attempt, results)).toMatchObject({
			attemptId: 'att-7',
			quiz: 'Compensation, test',
			link: '/quiz?topic=compensation&seed=s1',
			mode: 'test',
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
		expect(rows[1]).toEqual({
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
			self_assessed: ''
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
		expect(resultsRecord(attempt, results).finishedAt).toBeNull();
		expect(rowsOf(resultsCsv(attempt, results))[0]?.date).toBe('2026-11-22T10:00:00.000Z');
	});
});
