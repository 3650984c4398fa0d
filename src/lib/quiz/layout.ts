import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import { seededRandom, shuffled } from './random';

/** How a question is laid out for one attempt: option, item and right-hand orders. */
export interface Layout {
	options: string[];
	items: string[];
	rights: string[];
}

/** The display order of a question's parts, fixed by the attempt's seed and the question id. */
export function layoutOf(question: Question, seed: string, shuffle: boolean): Layout {
	const random = seededRandom(`${seed}:${question.id}`);
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const options = question.options.map((o) => o.id);
			return { options: shuffle ? shuffled(options, random) : options, items: [], rights: [] };
		}
		case 'ordering': {
			const correct = question.items.map((i) => i.id);
			let start = shuffled(correct, random);
			// Starting in the right order would give the answer away: rotate it by one.
			if (start.every((id, i) => id === correct[i])) start = [...start.slice(1), start[0]!];
			return { options: [], items: start, rights: [] };
		}
		case 'matching':
			return {
				options: [],
				items: [],
				rights: shuffled(
					question.pairs.map((p) => p.id),
					random
				)
			};
		case 'true-false':
		case 'essay':
			return { options: [], items: [], rights: [] };
		default:
			return unhandledKind(question);
	}
}
