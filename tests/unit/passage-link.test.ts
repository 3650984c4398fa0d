import { describe, expect, it } from 'vitest';
import { SourceText, selectorFor } from '../../src/lib/content/anchor';
import { linkCarriesQuote, passageHref } from '../../src/lib/quiz/passage-link';
import { quoteFromSearch } from '../../src/lib/quiz/reader';
import { realBankPack, realSiteSources } from '../helpers/packs';

const sources = realSiteSources();
const cited = new Set(
	realBankPack().questions.flatMap((q) => q.citations.map((c) => `${c.source}#${c.anchor}`))
);

/** The address's quotation, as the reader reads it back. */
const readBack = (href: string) => quoteFromSearch(new URL(href, 'https://sourced.example').search);

describe("a link to a passage an instructor's question quotes", () => {
	it('carries a quotation the bank never cites, and the reader finds exactly that passage with the build’s anchoring', () => {
		const source = sources.find((s) => s.id === 'ars-technica-2024-11-27')!;
		const text = new SourceText(source.text);
		// A repeated word, so the selector needs a prefix or suffix to pick this occurrence.
		const word = 'artists';
		const second = source.text.indexOf(word, source.text.indexOf(word) + 1);
		const start = Array.from(source.text.slice(0, second)).length;
		const selector = selectorFor(source.text, start, start + word.length);
		expect(selector.prefix ?? selector.suffix).toBeTruthy();
		const anchor = `p${start}-${start + word.length}`;
		expect(cited.has(`${source.id}#${anchor}`)).toBe(false);

		const href = passageHref(`/sources/${source.id}`, anchor, selector);
		const quote = readBack(href)!;
		expect(quote).toEqual(selector);
		const found = text.anchor(quote);
		expect(found.ok && found.position.anchor).toBe(anchor);
	});

	it('keeps curly quotes, line breaks and characters a URL must escape', () => {
		const quote = { exact: '“Art washing” & the #1 “red-teaming” ?=%', suffix: '\nNext line' };
		expect(readBack(passageHref('/sources/x', 'p1-2', quote))).toEqual(quote);
	});

	it("is the bank's plain anchor link for a bank question", () => {
		expect(linkCarriesQuote('comp-01')).toBe(false);
		expect(linkCarriesQuote(undefined)).toBe(false);
		expect(linkCarriesQuote('my-abc123')).toBe(true);
		expect(passageHref('/sources/x', 'p1-2')).toBe('/sources/x#p1-2');
	});

	it('reads no quotation from an address without one, or with an empty or oversized one', () => {
		expect(quoteFromSearch('')).toBeUndefined();
		expect(quoteFromSearch('?quote=%20')).toBeUndefined();
		expect(quoteFromSearch(`?quote=${'a'.repeat(2001)}`)).toBeUndefined();
	});
});
