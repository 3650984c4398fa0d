import type { Question, RubricCriterion } from './schema';

// How a question's words read wherever they are shown outside the quiz player (exports, print):
// a scenario is our own invention, so it is always marked as hypothetical, above the prompt.

/** The words that mark a scenario as invented, wherever the prompt appears. */
export const HYPOTHETICAL_CASE = 'Hypothetical case';

/** The question's text as paragraphs: its hypothetical case, marked as such, if it has one, then its prompt. */
export function questionParagraphs(question: Pick<Question, 'scenario' | 'prompt'>): string[] {
	return question.scenario
		? [`${HYPOTHETICAL_CASE}: ${question.scenario}`, question.prompt]
		: [question.prompt];
}

/** "1 point" or "3 points". */
export function pointsText(points: number): string {
	return `${points} ${points === 1 ? 'point' : 'points'}`;
}

/** The points a rubric is out of: the sum of its criteria's points. */
export function rubricTotal(rubric: readonly Pick<RubricCriterion, 'points'>[]): number {
	return rubric.reduce((sum, c) => sum + c.points, 0);
}

/** One rubric criterion in a line: what earns it, then its points, e.g. "States a position (2 points)". */
export function rubricCriterionText(criterion: RubricCriterion): string {
	return `${criterion.criterion} (${pointsText(criterion.points)})`;
}
