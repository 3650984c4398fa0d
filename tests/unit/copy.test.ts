import { describe, expect, it } from 'vitest';
import { finishAttempt, indexById, resultsOf } from '../../src/lib/quiz/attempt';
import { retrySpec } from '../../src/lib/quiz/retry';
import { quizTitle } from '../../src/lib/quiz/title';
import { attemptOf } from '../helpers/attempts';
import { oneOfEachKind } from '../helpers/questions';

const base = {
	difficulty: 'any',
	shuffleOptions: true,
	shuffleQuestions: true
} as const;

describe('the words a student reads', () => {
	it('titles a mixed quiz in test mode as a test, not as practice', () => {
		const scope = { kind: 'mixed', count: 10 } as const;
		expect(quizTitle({ ...base, scope, mode: 'test' }, [])).toBe('Mixed test: 10 questions');
		expect(quizTitle({ ...base, scope, mode: 'practice' }, [])).toBe(
			'Mixed practice: 10 questions'
		);
	});

	it('titles a retry of a retry "Retry: …" once', () => {
		const a = attemptOf({ title: 'Retry: Whole module' });
		const results = resultsOf(a, indexById(oneOfEachKind()), []);
		const finished = finishAttempt(a, results, '2026-11-22T10:05:00.000Z');
		expect(retrySpec(finished, results)?.title).toBe('Retry: Whole module');
	});
});
