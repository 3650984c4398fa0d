import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, looksLikeFormula } from '../../src/lib/text/csv';

/** A one-column file with this cell under a header, read back by csv-parse as a spreadsheet would get it. */
function cellReadBack(text: string): string {
	const rows = parse(csvDocument(['h'], [[text]]), {
		bom: true,
		relax_quotes: false
	}) as string[][];
	expect(rows).toHaveLength(2);
	return rows[1]![0]!;
}

/**
 * What a spreadsheet may run as a formula: a cell whose first character, once any white space,
 * control or invisible formatting characters before it are skipped, is = + - or @ (or a full-width
 * one), or that starts with a tab or carriage return.
 */
const runnable = (text: string) =>
	/^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text) || /^[\t\r]/.test(text);

describe('the one CSV formula guard, for pack and results files', () => {
	it('guards a formula behind white space or a control character', () => {
		for (const text of [
			' =1+1',
			'\u0000=HYPERLINK("x")',
			'\u0007@SUM(A1)',
			'\u00a0-2+3',
			'\u200b+1',
			' \t=cmd',
			'\r\n=1',
			'\ufeff=1'
		])
			expect(cellReadBack(text), JSON.stringify(text)).toBe(`'${text}`);
	});

	it('leaves text that only contains = + - or @ further on as it is', () => {
		for (const text of ['A = B?', '5-3', 'e-mail me @ noon', 'x', ''])
			expect(cellReadBack(text), JSON.stringify(text)).toBe(text);
	});

	it('reads back every text unchanged, behind one apostrophe exactly when a spreadsheet could run it (property)', () => {
		const piece = fc.constantFrom(
			...['=', '+', '-', '@', ' ', '\t', '\r', '\n', '\u0000', '\u0001', '\u001f', '\u007f'],
			...['\u0085', '\u00a0', '\u200b', '\ufeff', '\u202e', '\uff1d', 'a', 'Z', '1', ',', '"', "'"]
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
				const text = pieces.join('');
				expect(cellReadBack(text)).toBe(runnable(text) ? `'${text}` : text);
				expect(looksLikeFormula(text)).toBe(runnable(text));
			}),
			{ numRuns: 3000, seed: 17 }
		);
	});
});
