import { describe, expect, it } from 'vitest';
import { bankVersion } from '../../src/lib/content/identity';
import { oneOfEachKind, singleQuestion } from '../helpers/questions';

describe('the bank version a hand-in records', () => {
	it('is the same for the same questions in any order and with keys in any order', () => {
		const questions = oneOfEachKind();
		const reordered = [...questions]
			.reverse()
			.map((q) => Object.fromEntries(Object.entries(q).reverse()));
		expect(bankVersion(reordered as typeof questions)).toBe(bankVersion(questions));
		expect(bankVersion(questions)).toMatch(/^b-[0-9a-z]+$/);
	});

	it('changes when any question changes, even one option’s feedback', () => {
		const questions = oneOfEachKind();
		const edited = questions.map((q) =>
			q.id === 'q-single'
				? singleQuestion({
						options: singleQuestion().options.map((o) =>
							o.id === 'a' ? { ...o, feedback: 'A is wrong, because…' } : o
						)
					})
				: q
		);
		expect(bankVersion(edited)).not.toBe(bankVersion(questions));
	});
});
