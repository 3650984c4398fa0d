import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { passageShowing } from '../helpers/quotation-marks';

const NNBSP = '\u202F';

describe('quotedPassage: a cited passage in exactly one pair of quotation marks', () => {
	it('puts a passage with no marks of its own in one pair of double marks', () => {
		expect(quotedPassage('protesting on behalf of roughly 300 artists')).toBe(
			'“protesting on behalf of roughly 300 artists”'
		);
	});

	it('shows a passage already wrapped in its own pair as it is, curly or straight, double or single', () => {
		for (const wrapped of [
			'“Hundreds of artists provide unpaid labor.”',
			'"Hundreds of artists perform unpaid labor"',
			'‘art washing’',
			'“He called it “art washing” twice”'
		])
			expect(quotedPassage(wrapped)).toBe(wrapped);
	});

	it('closes a quotation the passage opens but the source closes later, with the matching mark', () => {
		expect(
			quotedPassage('“We are not against the use of Al technology as a tool for the arts')
		).toBe('“We are not against the use of Al technology as a tool for the arts”');
		expect(quotedPassage('"We are not against the use of AI technology')).toBe(
			'"We are not against the use of AI technology"'
		);
	});

	it('opens a quotation the passage closes but the source opened before it, with the matching mark', () => {
		expect(quotedPassage('more about PR and advertisement.”')).toBe(
			'“more about PR and advertisement.”'
		);
		expect(quotedPassage('and need to scale compute!"')).toBe('"and need to scale compute!"');
	});

	it('puts a passage that begins or ends with a quotation of its own inside single marks, set apart by a narrow space', () => {
		expect(quotedPassage('The group says it is “more about PR and advertisement.”')).toBe(
			`‘The group says it is “more about PR and advertisement.”${NNBSP}’`
		);
		expect(quotedPassage('"If we were against AI in art," they explained.')).toBe(
			`‘${NNBSP}"If we were against AI in art," they explained.’`
		);
		expect(quotedPassage('used for "unpaid R&D" and "art washing."')).toBe(
			`‘used for "unpaid R&D" and "art washing."${NNBSP}’`
		);
	});

	it('sets a narrow space between its own double pair and a single mark the passage begins with', () => {
		expect(quotedPassage('‘art washing’ to spin a positive narrative')).toBe(
			`“${NNBSP}‘art washing’ to spin a positive narrative”`
		);
	});

	it('reads apostrophes as apostrophes, not as quotation marks', () => {
		expect(quotedPassage('shaped Sora’s development')).toBe('“shaped Sora’s development”');
		expect(quotedPassage("they're being used")).toBe("“they're being used”");
	});

	it('never changes the passage itself, always shows it quoted, and never sets two marks side by side (property)', () => {
		const piece = fc.constantFrom('a', 'b', ' ', '“', '”', '"', '‘', '’', "'", '.', ',', '—');
		fc.assert(
			fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (chars) => {
				const exact = chars.join('');
				const shown = quotedPassage(exact);
				const at = shown.indexOf(exact);
				expect(at).toBeGreaterThanOrEqual(0);
				const added = shown.slice(0, at) + shown.slice(at + exact.length);
				expect(added).toMatch(/^[“”"‘’' \u202F]*$/);
				const showing = passageShowing(shown, exact);
				expect(showing.quoted, shown).toBeGreaterThan(0);
				expect(showing.doubled, shown).toEqual([]);
			}),
			{ numRuns: 2000, seed: 3 }
		);
	});
});
