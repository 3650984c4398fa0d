import type { AttemptResult } from './attempt-schema';
import { verdictText, type Verdict } from './scoring';

// What the quiz's live region says, so a screen reader hears what a sighted student sees change.

/** After Check: "Correct.", "Partly correct: 67% of the mark.", "Incorrect." or, for a written answer, that it is not marked. */
export function checkAnnouncement(verdict: Verdict, score: number | null): string {
	return `${verdictText(verdict, score)}.`;
}

/** After submitting: "Results: 3.67 out of 5, 73%." */
export function resultsAnnouncement(results: AttemptResult & { percent: number }): string {
	return `Results: ${results.score.toFixed(2).replace(/\.00$/, '')} out of ${results.max}, ${results.percent}%.`;
}
