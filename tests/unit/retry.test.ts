import { describe, expect, it } from 'vitest';
import { finishAttempt, indexById, setAnswer } from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
import { parseQuizSpec, quizQuery } from '../../src/lib/quiz/link';
import { retrySpec } from '../../src/lib/quiz/retry';
import { attemptOf } from '../helpers/attempts';
import { oneOfEachKind } from '../helpers/questions';

const questions = oneOfEachKind();
const byId = indexById(questions);
const topics = [{ id: 'compensation', title: 'Compensation' }];
const now = '2026-11-22T10:05:00.000Z';

/** A test-mode attempt with these answers, and its results; finished unless told otherwise. */
function taken(answers: Parameters<typeof setAnswer>[2][], finish = true) {
	let a = attemptOf({ mode: 'test', title: 'Whole module' });
	for (const answer of answers) {
		const id = questions.find((q) => q.kind === answer.kind)!.id;
		a = setAnswer(a, id, answer, now);
	}
	const results = resultsOf(a, byId, topics);
	return { attempt: finish ? finishAttempt(a, results, now) : a, results };
}

const allRight = taken([
	{ kind: 'single', choice: 'b' },
	{ kind: 'multiple', choices: ['a', 'b', 'c'] },
	{ kind: 'true-false', value: false },
	{ kind: 'ordering', order: ['posted', 'shared', 'disabled', 'paused'] },
	{ kind: 'matching', matches: { p300: 'p300', p20: 'p20', p16: 'p16' } }
]);

describe('retrying the missed questions', () => {
	it('asks again, in quiz order, every question not fully right: wrong, partly right or unanswered', () => {
		const { attempt, results } = taken([
			{ kind: 'single', choice: 'b' },
			{ kind: 'multiple', choices: ['a', 'b'] },
			{ kind: 'true-false', value: true },
			{ kind: 'ordering', order: ['posted', 'shared', 'disabled', 'paused'] }
		]);
		expect(retrySpec(attempt, results)?.scope).toEqual({
			kind: 'ids',
			ids: ['q-multiple', 'q-tf', 'q-match']
		});
	});

	it('is a practice quiz with shuffled options, in the order missed, titled after the attempt', () => {
		const { attempt, results } = taken([]);
		expect(retrySpec(attempt, results)).toMatchObject({
			difficulty: 'any',
			mode: 'practice',
			shuffleOptions: true,
			shuffleQuestions: false,
			title: 'Retry: Whole module'
		});
	});

	it('makes a link that reads back as the same quiz', () => {
		const { attempt, results } = taken([{ kind: 'single', choice: 'b' }]);
		const spec = retrySpec(attempt, results)!;
		expect(parseQuizSpec(new URLSearchParams(quizQuery(spec)))).toEqual({ spec, problems: [] });
	});

	it('offers nothing when every question was right', () => {
		expect(retrySpec(allRight.attempt, allRight.results)).toBeUndefined();
	});

	it('offers nothing before the attempt is submitted', () => {
		const { attempt, results } = taken([], false);
		expect(retrySpec(attempt, results)).toBeUndefined();
	});
});
