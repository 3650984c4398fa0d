import { describe, expect, it } from 'vitest';
import { selfAssessedPoints, wordCount } from '../../src/lib/quiz/essay';

describe('a written answer', () => {
	it('counts words as a word processor does, with contractions, hyphens and curly apostrophes', () => {
		expect(wordCount('')).toBe(0);
		expect(wordCount('   \n ')).toBe(0);
		expect(wordCount('OpenAI’s “free” early-access programme wasn’t free.')).toBe(6);
		expect(wordCount('It was valued at $150B — the group says.')).toBe(8);
	});

	it('totals the self-assessed points of the criteria ticked, ignoring ids the rubric lacks', () => {
		const rubric = [
			{ id: 'position', points: 2 },
			{ id: 'evidence', points: 3 },
			{ id: 'counter', points: 2 }
		];
		expect(selfAssessedPoints(rubric, [])).toEqual({ points: 0, max: 7 });
		expect(selfAssessedPoints(rubric, ['evidence', 'counter', 'gone'])).toEqual({
			points: 5,
			max: 7
		});
	});
});
