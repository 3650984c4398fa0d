import { describe, expect, it } from 'vitest';
import { checkAnnouncement, resultsAnnouncement } from '../../src/lib/quiz/announcements';
import { verdictText } from '../../src/lib/quiz/scoring';

describe('what the quiz says in words', () => {
	it('names the verdict, with the share of the mark when partly correct', () => {
		expect(verdictText('correct', 1)).toBe('Correct');
		expect(verdictText('partial', 2 / 3)).toBe('Partly correct: 67% of the mark');
		expect(verdictText('incorrect', 0)).toBe('Incorrect');
	});

	it('announces the verdict after Check as a sentence', () => {
		expect(checkAnnouncement('correct', 1)).toBe('Correct.');
		expect(checkAnnouncement('partial', 0.5)).toBe('Partly correct: 50% of the mark.');
		expect(checkAnnouncement('incorrect', 0)).toBe('Incorrect.');
	});

	it('announces the results with at most two decimals and no ".00"', () => {
		expect(resultsAnnouncement({ score: 3, max: 5, percent: 60, byTopic: [] })).toBe(
			'Results: 3 out of 5, 60%.'
		);
		expect(resultsAnnouncement({ score: 2 + 2 / 3, max: 5, percent: 53, byTopic: [] })).toBe(
			'Results: 2.67 out of 5, 53%.'
		);
	});
});
