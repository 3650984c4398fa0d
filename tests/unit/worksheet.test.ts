import { describe, expect, it } from 'vitest';
import { printedQuestion } from '../../src/lib/print/worksheet';
import {
	essayQuestion,
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

	it('prints a hypothetical case above the prompt, marked as such', () => {
		const p = printedQuestion(singleQuestion({ scenario: 'A museum offers a free residency.' }));
		expect(p.paragraphs).toEqual([
			'Hypothetical case: A museum offers a free residency.',
			'Prompt'
		]);
		expect(printedQuestion(singleQuestion()).paragraphs).toEqual(['Prompt']);
	});

	it('leaves ruled lines for a written argument, with its guidance and its marks', () => {
		const q = essayQuestion();
		const p = printedQuestion(q);
		expect(p.writingLines).toBeGreaterThanOrEqual(15);
		expect(p.instruction).toBe('Write your argument on the lines below (7 points).');
		expect(p.guidance).toBe(q.guidance);
		expect([p.choices, p.toNumber, p.matchLeft]).toEqual([[], [], []]);
		expect(printedQuestion(singleQuestion()).writingLines).toBe(0);
	});

	it('gives the model answer and the rubric with points in the key of a written argument', () => {
		const p = printedQuestion(essayQuestion());
		expect(p.key).toBe('Marked by hand with the rubric, out of 7 points.');
		expect(p.marking).toEqual({
			modelAnswer: essayQuestion().modelAnswer,
			rubric: [
				'States a clear position (2 points)',
				'Grounds two claims in attributed passages (3 points)',
				'Answers the strongest point of the other side (2 points)'
			],
			total: '7 points'
		});
		expect(printedQuestion(singleQuestion()).marking).toBeUndefined();
	});
});
