import { describe, expect, it } from 'vitest';
import { questionMetaLine } from '../../src/lib/instructor/question-meta';
import { finishAttempt, indexById } from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
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

describe('the words an instructor reads', () => {
	const discrepancies = [
		{ id: 'd5', title: 'Who told whom?' },
		{ id: 'd9', title: 'Who made videos during the leak?' }
	];

	it('describes a bank question in words, each part spaced, naming what a discrepancy is', () => {
		const q = { id: 'comp-05', kind: 'single', difficulty: 'intro', tags: ['d5'] } as const;
		expect(questionMetaLine(q, 'Compensation', discrepancies)).toBe(
			'comp-05 · Compensation · Single answer · Intro · teaches discrepancy D5, “Who told whom?”'
		);
	});

	it('names the cognitive level, and several discrepancies in their own order', () => {
		const q = {
			id: 'leak-02',
			kind: 'matching',
			difficulty: 'advanced',
			level: 'analyse',
			tags: ['d9', 'd5', 'timeline']
		} as const;
		expect(questionMetaLine(q, 'The leak', discrepancies)).toBe(
			'leak-02 · The leak · Matching · Advanced · Analyse · teaches discrepancies D5, “Who told whom?”; D9, “Who made videos during the leak?”'
		);
	});

	it('says nothing about discrepancies when a question teaches none', () => {
		const q = { id: 'conf-01', kind: 'essay', difficulty: 'core', tags: ['nda'] } as const;
		expect(questionMetaLine(q, 'Confidentiality', discrepancies)).toBe(
			'conf-01 · Confidentiality · Written argument · Core'
		);
	});
});
