import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctAnswer } from '../../src/lib/quiz/answer-report';
import type { Answer } from '../../src/lib/quiz/answers';
import {
	scoreMatching,
	scoreMultiple,
	scoreOrdering,
	scoreQuestion,
	scoringRule,
	verdictOf
} from '../../src/lib/quiz/scoring';
import {
	matchingQuestion,
	multipleQuestion,
	oneOfEachKind,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

describe('single answer and true/false', () => {
	it('scores 1 for the right option and 0 for a wrong one', () => {
		expect(scoreQuestion(singleQuestion(), { kind: 'single', choice: 'b' })).toBe(1);
		expect(scoreQuestion(singleQuestion(), { kind: 'single', choice: 'a' })).toBe(0);
	});

	it('scores a true/false answer by its value', () => {
		expect(scoreQuestion(trueFalseQuestion(), { kind: 'true-false', value: false })).toBe(1);
		expect(scoreQuestion(trueFalseQuestion(), { kind: 'true-false', value: true })).toBe(0);
	});

	it('scores no answer as 0', () => {
		for (const q of oneOfEachKind()) expect(scoreQuestion(q, undefined)).toBe(0);
	});
});

describe('multiple response', () => {
	const correct = new Set(['a', 'b', 'c']);

	it('gives partial credit for 2 of 3 correct picks with no wrong pick', () => {
		expect(scoreMultiple(correct, new Set(['a', 'b']))).toBeCloseTo(2 / 3);
	});

	it('takes 1/k away for each wrong pick', () => {
		expect(scoreMultiple(correct, new Set(['a', 'b', 'd']))).toBeCloseTo(1 / 3);
	});

	it('never goes below zero', () => {
		expect(scoreMultiple(new Set(['a', 'b']), new Set(['c', 'd', 'e']))).toBe(0);
	});

	it('gives full marks for exactly the right set', () => {
		expect(scoreMultiple(correct, correct)).toBe(1);
	});

	it('ticking every box loses the share of the one wrong option', () => {
		expect(
			scoreQuestion(multipleQuestion(), { kind: 'multiple', choices: ['a', 'b', 'c', 'd'] })
		).toBeCloseTo(2 / 3);
	});
});

describe('ordering', () => {
	const right = ['posted', 'shared', 'disabled', 'paused'];

	it('scores 1 for the right order', () => {
		expect(scoreOrdering(right, right)).toBe(1);
	});

	it('counts the neighbouring pairs that are in the right order', () => {
		expect(scoreOrdering(right, ['shared', 'disabled', 'paused', 'posted'])).toBeCloseTo(2 / 3);
		expect(scoreOrdering(right, ['posted', 'shared', 'paused', 'disabled'])).toBeCloseTo(1 / 3);
	});

	it('says in its rule why swapping the first two of three can score nothing', () => {
		expect(scoreOrdering(['a', 'b', 'c'], ['b', 'a', 'c'])).toBe(0);
		expect(scoringRule.ordering).toMatch(/one straight after the other/);
		expect(scoringRule.ordering).toMatch(/pairs on both sides/);
	});

	it('scores 0 for the reverse order', () => {
		expect(scoreOrdering(right, [...right].reverse())).toBe(0);
	});
});

describe('matching', () => {
	it('scores the fraction of items matched to their own pair', () => {
		expect(scoreMatching(['x', 'y', 'z'], { x: 'x', y: 'z', z: 'y' })).toBeCloseTo(1 / 3);
		expect(scoreMatching(['x', 'y', 'z'], { x: 'x', y: 'y', z: 'z' })).toBe(1);
	});

	it('counts a left item with nothing chosen as wrong', () => {
		expect(
			scoreQuestion(matchingQuestion(), { kind: 'matching', matches: { p300: 'p300' } })
		).toBeCloseTo(1 / 3);
	});
});

describe('verdicts', () => {
	it('says correct, partly correct or incorrect', () => {
		expect([verdictOf(1), verdictOf(0.5), verdictOf(0)]).toEqual([
			'correct',
			'partial',
			'incorrect'
		]);
	});
});

describe('properties of every scoring rule', () => {
	const ids = fc.constantFrom(
		'a',
		'b',
		'c',
		'd',
		'posted',
		'shared',
		'disabled',
		'paused',
		'p300',
		'p20',
		'p16',
		'zz'
	);
	const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
		ids.map((choice) => ({ kind: 'single' as const, choice })),
		fc.uniqueArray(ids).map((choices) => ({ kind: 'multiple' as const, choices })),
		fc.boolean().map((value) => ({ kind: 'true-false' as const, value })),
		fc.uniqueArray(ids, { maxLength: 6 }).map((order) => ({ kind: 'ordering' as const, order })),
		fc.dictionary(ids, ids).map((matches) => ({ kind: 'matching' as const, matches }))
	);

	it('a score is always within [0, 1], whatever the answer', () => {
		fc.assert(
			fc.property(fc.constantFrom(...oneOfEachKind()), anyAnswer, (question, answer) => {
				const score = scoreQuestion(question, answer);
				expect(score).toBeGreaterThanOrEqual(0);
				expect(score).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 2000 }
		);
	});

	it('a fully correct answer scores 1, for any order of the parts', () => {
		fc.assert(
			fc.property(fc.constantFrom(...oneOfEachKind()), fc.integer(), (question, salt) => {
				const answer = correctAnswer(question);
				if (answer.kind === 'multiple')
					answer.choices = [...answer.choices].sort(() => (salt % 2 ? 1 : -1));
				expect(scoreQuestion(question, answer)).toBe(1);
			})
		);
	});

	it('any ordering other than the right one scores below 1', () => {
		const q = orderingQuestion();
		fc.assert(
			fc.property(
				fc.shuffledSubarray(
					q.items.map((i) => i.id),
					{ minLength: 4 }
				),
				(order) => {
					const right = order.every((id, i) => id === q.items[i]!.id);
					if (!right) expect(scoreQuestion(q, { kind: 'ordering', order })).toBeLessThan(1);
					else expect(scoreQuestion(q, { kind: 'ordering', order })).toBe(1);
				}
			)
		);
	});
});
