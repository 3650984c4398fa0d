import {
	pointsText,
	questionParagraphs,
	rubricCriterionText,
	rubricTotal
} from '../content/question-text';
import type { Question } from '../content/schema';
import { layoutOf } from '../quiz/layout';
import { optionLetter } from '../text/option-letter';

/** How a written argument is marked, for the answer key: its model answer and rubric. */
export interface Marking {
	modelAnswer: string;
	/** Each criterion with its points, e.g. "States a position (2 points)". */
	rubric: string[];
	/** The rubric's total, e.g. "10 points". */
	total: string;
}

/** One question laid out for paper: lettered choices, items to number, pairs to match, lines to write on, and its key. */
export interface PrintedQuestion {
	question: Question;
	/** The question's text: its hypothetical case, marked as such, then its prompt. */
	paragraphs: string[];
	instruction: string;
	/** Lettered lines with a box to tick (choice kinds). */
	choices: { letter: string; text: string }[];
	/** Items to number in order, shuffled (ordering). */
	toNumber: string[];
	/** Left items with a blank, and lettered right-hand texts (matching). */
	matchLeft: string[];
	matchRight: { letter: string; text: string }[];
	/** Ruled lines to write an argument on (essay); 0 for the other kinds. */
	writingLines: number;
	/** What a good written argument does, shown before writing; undefined for the other kinds. */
	guidance?: string;
	/** The answer key in one line, in the worksheet's letters and numbers. */
	key: string;
	/** A written argument's model answer and rubric, for the key; undefined for the other kinds. */
	marking?: Marking;
}

/** Ruled lines left for a written argument: about a page. */
export const ESSAY_WRITING_LINES = 18;

/** Lays a question out for a printed worksheet; the same seed gives the same paper every time. */
export function printedQuestion(question: Question, seed = 'print'): PrintedQuestion {
	const base = {
		question,
		paragraphs: questionParagraphs(question),
		choices: [],
		toNumber: [],
		matchLeft: [],
		matchRight: [],
		writingLines: 0
	};
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const choices = question.options.map((o, i) => ({ letter: optionLetter(i), text: o.text }));
			const right = question.options.flatMap((o, i) => (o.correct ? [optionLetter(i)] : []));
			return {
				...base,
				choices,
				instruction: question.kind === 'single' ? 'Tick one box.' : 'Tick every box that applies.',
				key: right.join(', ')
			};
		}
		case 'true-false':
			return {
				...base,
				choices: [
					{ letter: 'T', text: 'True' },
					{ letter: 'F', text: 'False' }
				],
				instruction: 'Tick one box.',
				key: question.answer ? 'True' : 'False'
			};
		case 'ordering': {
			const shown = layoutOf(question, seed, true).items;
			const text = (id: string) => question.items.find((i) => i.id === id)!.text;
			const key = shown
				.map((id) => `${question.items.findIndex((i) => i.id === id) + 1}`)
				.join(', ');
			return {
				...base,
				toNumber: shown.map(text),
				instruction: `Number the items from 1 (first) to ${shown.length} (last).`,
				key: `Numbers, top to bottom: ${key}`
			};
		}
		case 'matching': {
			const rights = layoutOf(question, seed, true).rights;
			const matchRight = rights.map((id, i) => ({
				letter: optionLetter(i),
				text: question.pairs.find((p) => p.id === id)!.right
			}));
			const key = question.pairs
				.map((p, n) => `${n + 1}–${optionLetter(rights.indexOf(p.id))}`)
				.join(', ');
			return {
				...base,
				matchLeft: question.pairs.map((p) => p.left),
				matchRight,
				instruction: 'Write the letter of the matching description on each line.',
				key
			};
		}
		case 'essay': {
			const total = pointsText(rubricTotal(question.rubric));
			return {
				...base,
				writingLines: ESSAY_WRITING_LINES,
				instruction: `Write your argument on the lines below (${total}).`,
				guidance: question.guidance,
				key: `Marked by hand with the rubric, out of ${total}.`,
				marking: {
					modelAnswer: question.modelAnswer,
					rubric: question.rubric.map(rubricCriterionText),
					total
				}
			};
		}
	}
}
