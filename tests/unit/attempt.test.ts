import { describe, expect, it } from 'vitest';
import {
	checkAnswer,
	finishAttempt,
	goTo,
	setAnswer,
	toggleFlag,
	withoutQuestions,
	unanswered
} from '../../src/lib/quiz/attempt';
import { missedIds, resultsOf } from '../../src/lib/quiz/attempt-results';
import { attemptOf } from '../helpers/attempts';
import { oneOfEachKind } from '../helpers/questions';

const questions = oneOfEachKind();
const byId = new Map(questions.map((q) => [q.id, q]));
const topics = [
	{ id: 'compensation', title: 'Compensation' },
	{ id: 'art-washing', title: 'Art washing' }
];
const start = (mode: 'practice' | 'test' = 'practice') => attemptOf({ mode });
const now = '2026-11-22T10:05:00.000Z';

describe('an attempt', () => {
	it('records answers and locks one once it is checked in practice mode', () => {
		let a = setAnswer(start(), 'q-single', { kind: 'single', choice: 'a' }, now);
		a = checkAnswer(a, 'q-single', now);
		const changed = setAnswer(a, 'q-single', { kind: 'single', choice: 'b' }, now);
		expect(changed.answers['q-single']).toEqual({ kind: 'single', choice: 'a' });
		expect(a.checked).toEqual(['q-single']);
	});

	it('does not check a question that has no answer', () => {
		expect(checkAnswer(start(), 'q-single', now).checked).toEqual([]);
	});

	it('does not check answers in test mode', () => {
		const a = setAnswer(start('test'), 'q-single', { kind: 'single', choice: 'a' }, now);
		expect(checkAnswer(a, 'q-single', now).checked).toEqual([]);
	});

	it('flags and unflags a question', () => {
		const a = toggleFlag(start(), 'q-tf', now);
		expect(a.flagged).toEqual(['q-tf']);
		expect(toggleFlag(a, 'q-tf', now).flagged).toEqual([]);
	});

	it('keeps the current question within the quiz', () => {
		expect(goTo(start(), 99, now).current).toBe(4);
		expect(goTo(start(), -3, now).current).toBe(0);
	});

	it('lists unanswered questions, counting a half-done matching as unanswered', () => {
		let a = setAnswer(start('test'), 'q-single', { kind: 'single', choice: 'b' }, now);
		a = setAnswer(a, 'q-match', { kind: 'matching', matches: { p300: 'p300' } }, now);
		expect(unanswered(a, byId)).toEqual(['q-multiple', 'q-tf', 'q-order', 'q-match']);
	});

	it('totals scores overall and by topic, and lists the ones missed', () => {
		let a = start('test');
		a = setAnswer(a, 'q-single', { kind: 'single', choice: 'b' }, now);
		a = setAnswer(a, 'q-tf', { kind: 'true-false', value: false }, now);
		a = setAnswer(a, 'q-multiple', { kind: 'multiple', choices: ['a', 'b'] }, now);
		const results = resultsOf(a, byId, topics);
		expect(results.score).toBeCloseTo(2 + 2 / 3);
		expect(results.max).toBe(5);
		expect(results.percent).toBe(53);
		expect(results.byTopic).toEqual([
			{ topic: 'compensation', title: 'Compensation', score: results.score, max: 5 }
		]);
		expect(missedIds(results)).toEqual(['q-multiple', 'q-order', 'q-match']);
	});

	it('freezes answers and scores when finished', () => {
		const a = setAnswer(start('test'), 'q-single', { kind: 'single', choice: 'b' }, now);
		const done = finishAttempt(a, resultsOf(a, byId, topics), now);
		expect(done).toMatchObject({
			stage: 'finished',
			finishedAt: now,
			result: { score: 1, max: 5 }
		});
		expect(setAnswer(done, 'q-tf', { kind: 'true-false', value: true }, now)).toBe(done);
	});
});

describe('an attempt whose questions have left the bank', () => {
	const NOW = '2026-11-22T12:00:00.000Z';
	const onThird = attemptOf({ questionIds: ['a', 'b', 'c', 'd'], current: 2 });

	it('stays on the same question when another one is gone', () => {
		const left = withoutQuestions(onThird, ['a'], NOW);
		expect(left.questionIds).toEqual(['b', 'c', 'd']);
		expect(left.questionIds[left.current]).toBe('c');
	});

	it('moves on to the next question still there when the current one is gone', () => {
		const left = withoutQuestions(onThird, ['c'], NOW);
		expect(left.questionIds[left.current]).toBe('d');
	});

	it('goes back to the last question when every later one is gone', () => {
		const left = withoutQuestions(onThird, ['c', 'd'], NOW);
		expect(left).toMatchObject({ questionIds: ['a', 'b'], current: 1 });
	});

	it('is unchanged when nothing is gone', () => {
		expect(withoutQuestions(onThird, ['z'], NOW)).toBe(onThird);
	});
});
