import type { Question } from '../content/schema';
import { layoutOf } from '../quiz/layout';
import { optionLetter } from '../text/option-letter';

/** One question laid out for paper: lettered choices, items to number, pairs to match, and its key. */
export interface PrintedQuestion {
	question: Question;
	instruction: string;
	/** Lettered lines with a box to tick (choice kinds). */
	choices: { letter: string; text: string }[];
	/** Items to number in order, shuffled (ordering). */
	toNumber: string[];
	/** Left items with a blank, and lettered right-hand texts (matching). */
	matchLeft: string[];
	matchRight: { letter: string; text: string }[];
	/** The answer key in one line, in the worksheet's letters and numbers. */
	key: string;
}

/** Lays a question out for a printed worksheet; the same seed gives the same paper every time. */
export function printedQuestion(question: Question, seed = 'print'): PrintedQuestion {
	const base = { question, choices: [], toNumber: [], matchLeft: [], matchRight: [] };
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
	}
}
