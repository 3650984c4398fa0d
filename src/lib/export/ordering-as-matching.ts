import type { QuestionOf } from '../content/schema';

// GIFT has no ordering syntax and Canvas QTI 1.2 no ordering question, so those two formats carry
// one as a matching question: each item matched to its position. (Moodle XML writes Moodle's own
// ordering question.)

/** One pair of a matching question: an id, a left-hand text and the right-hand text it goes with. */
export interface MatchPair {
	id: string;
	left: string;
	right: string;
}

/** The answer an ordering item is matched to, e.g. "Position 2". */
export function positionLabel(position: number): string {
	return `Position ${position}`;
}

/** A position with both ends named, e.g. "Position 1 (first)" or "Position 4 (last)". */
export function positionLabelWithEnds(position: number, count: number): string {
	const end = position === 1 ? ' (first)' : position === count ? ' (last)' : '';
	return `${positionLabel(position)}${end}`;
}

/**
 * An ordering question as matching pairs, in the right order: each item (keeping its id) with the
 * label of its position.
 */
export function positionPairs(
	question: QuestionOf<'ordering'>,
	label: (position: number, count: number) => string = positionLabel
): MatchPair[] {
	const count = question.items.length;
	return question.items.map((item, i) => ({
		id: item.id,
		left: item.text,
		right: label(i + 1, count)
	}));
}
