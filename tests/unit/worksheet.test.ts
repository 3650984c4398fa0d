import { describe, expect, it } from 'vitest';
import { printedQuestion } from '../../src/lib/print/worksheet';
import {
	matchingQuestion,
	multipleQuestion,
	orderingQuestion,
	singleQuestion
} from '../helpers/questions';

describe('a printed worksheet question', () => {
	it('letters the options and keys the right ones', () => {
		expect(printedQuestion(singleQuestion())).toMatchObject({
			instruction: 'Tick one box.',
			choices: [
				{ letter: 'A', text: 'Option A' },
				{ letter: 'B', text: 'Option B' },
				{ letter: 'C', text: 'Option C' }
			],
			key: 'B'
		});
		expect(printedQuestion(multipleQuestion()).key).toBe('A, B, C');
	});

	it('prints ordering items out of order, keyed with the number each should get', () => {
		const q = orderingQuestion();
		const p = printedQuestion(q);
		expect(p.toNumber).not.toEqual(q.items.map((i) => i.text));
		const numbers = p.key.replace('Numbers, top to bottom: ', '').split(', ').map(Number);
		const rebuilt = numbers.map((n, i) => [n, p.toNumber[i]] as const).sort((a, b) => a[0] - b[0]);
		expect(rebuilt.map(([, text]) => text)).toEqual(q.items.map((i) => i.text));
	});

	it('letters the matching descriptions and keys each numbered item to its letter', () => {
		const q = matchingQuestion();
		const p = printedQuestion(q);
		for (const [n, pair] of q.pairs.entries()) {
			const letter = p.matchRight.find((r) => r.text === pair.right)!.letter;
			expect(p.key).toContain(`${n + 1}–${letter}`);
		}
	});
});
