import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/schema';
import { isComplete } from '../../src/lib/quiz/answers';
import { checkAnswer, finishAttempt, selfAssess, setAnswer } from '../../src/lib/quiz/attempt';
import { missedIds, resultsOf } from '../../src/lib/quiz/attempt-results';
import { handInCsv, handInRecord } from '../../src/lib/quiz/results-file';
import { attemptOf } from '../helpers/attempts';
import { essayQuestion, singleQuestion } from '../helpers/questions';

const essay = essayQuestion();
const single = singleQuestion();
const questions = new Map<string, Question>([
	[single.id, single],
	[essay.id, essay]
]);
const topics = [{ id: 'compensation', title: 'Compensation' }];
const later = '2026-11-22T10:05:00.000Z';
const written = { kind: 'essay' as const, text: 'OpenAI says it was voluntary, but…', met: [] };

function answeredAttempt() {
	let a = attemptOf({ questionIds: [single.id, essay.id] });
	a = setAnswer(a, single.id, { kind: 'single', choice: 'b' }, later);
	return setAnswer(a, essay.id, written, later);
}

describe('a written answer in an attempt', () => {
	it('counts as answered only once it has some text', () => {
		expect(isComplete(essay, { ...written, text: '  \n ' })).toBe(false);
		expect(isComplete(essay, written)).toBe(true);
	});

	it('is kept out of the score and the topic totals, and never listed as missed', () => {
		const results = resultsOf(answeredAttempt(), questions, topics);
		expect(results).toMatchObject({ score: 1, max: 1, percent: 100 });
		expect(results.byTopic).toEqual([
			{ topic: 'compensation', title: 'Compensation', score: 1, max: 1 }
		]);
		const outcome = results.outcomes.find((o) => o.question.id === essay.id)!;
		expect(outcome).toMatchObject({ score: null, verdict: 'written' });
		expect(missedIds(results)).toEqual([]);
	});

	it('takes a self-assessment after checking and after submitting, reported apart from the score', () => {
		let a = checkAnswer(answeredAttempt(), essay.id, later);
		a = setAnswer(a, essay.id, { ...written, text: 'changed after checking' }, later);
		expect(a.answers[essay.id]).toMatchObject({ text: written.text });
		a = finishAttempt(a, resultsOf(a, questions, topics), later);
		a = selfAssess(a, essay.id, ['position', 'counter'], later);
		const results = resultsOf(a, questions, topics);
		expect(results.selfAssessment).toEqual({ count: 1, points: 4, max: 7 });
		expect(results.score).toBe(1);
		expect(a.result).toMatchObject({ score: 1, max: 1 });
	});

	it('goes into the results download with its text and self-assessment, as JSON and as CSV', () => {
		let a = selfAssess(answeredAttempt(), essay.id, ['evidence'], later);
		a = finishAttempt(a, resultsOf(a, questions, topics), later);
		const results = resultsOf(a, questions, topics);
		const record = handInRecord(a, results, { student: 'Ada', bankVersion: 'b-1' });
		expect(record.questions[1]).toMatchObject({
			kind: 'essay',
			answer: written.text,
			score: null,
			verdict: 'written',
			selfAssessed: { points: 3, max: 7 }
		});
		const rows = parse(handInCsv(record), { bom: true, columns: true }) as Record<string, string>[];
		expect(rows[1]).toMatchObject({
			question_id: essay.id,
			answer: written.text,
			score: '',
			verdict: 'written',
			self_assessed: '3/7'
		});
		expect(rows[0]!.date).toBe(later);
	});
});
