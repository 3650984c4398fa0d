import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	anchorCitations,
	describeNearMiss,
	selectorFor,
	SourceText,
	type QuoteSelector
} from '../../src/lib/content/anchor';

const article =
	'The group said: “Hundreds of artists provide unpaid labor.” OpenAI’s reply came later.';

describe('anchoring a quotation in its source', () => {
	it('finds an exact quote and reports its offsets', () => {
		const result = new SourceText(article).anchor({ exact: 'provide unpaid labor' });
		expect(result).toEqual({
			ok: true,
			position: {
				start: 37,
				end: 57,
				unitStart: 37,
				unitEnd: 57,
				anchor: 'p37-57'
			}
		});
		expect(article.slice(37, 57)).toBe('provide unpaid labor');
	});

	it('rejects a quote whose curly quotation marks were straightened, and says so', () => {
		const result = new SourceText(article).anchor({ exact: '"Hundreds of artists provide' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toContain('only if quotes and dashes are straightened');
		expect(result.reason).toContain('the source has "“" where the quote has "\\""');
	});

	it('rejects a straightened apostrophe too', () => {
		const result = new SourceText(article).anchor({ exact: "OpenAI's reply came later." });
		expect(result.ok).toBe(false);
	});

	it('names the first place where a near-miss parts from the source', () => {
		const reason = describeNearMiss(article, 'Hundreds of artists provide unpaid labour.');
		expect(reason).toMatch(/closest match at offset 17 parts after 39 characters/);
		expect(reason).toContain('the source has "r.” OpenAI’s rep" where the quote has "ur."');
	});

	it('says when nothing in the source comes close', () => {
		expect(describeNearMiss(article, 'entirely unrelated words')).toBe(
			'no passage of the source comes close'
		);
	});

	it('finds an empty quotation nowhere, rather than searching for ever', () => {
		const result = new SourceText(article).anchor({ exact: '' });
		expect(result).toMatchObject({ ok: false, problem: 'not-found' });
	});

	describe('a passage that occurs twice', () => {
		const doubled = 'Intro.\nSame paragraph here.\nSame paragraph here.\nEnd.';
		const source = new SourceText(doubled);

		it('is ambiguous without a prefix or suffix', () => {
			const result = source.anchor({ exact: 'Same paragraph here.' });
			expect(result).toEqual({
				ok: false,
				problem: 'ambiguous',
				reason: 'the quote occurs 2 times (offsets 7, 28); add a prefix or suffix that picks one'
			});
		});

		it('is resolved by a prefix', () => {
			const result = source.anchor({ exact: 'Same paragraph here.', prefix: 'here.\n' });
			expect(result.ok && result.position.start).toBe(28);
		});

		it('is resolved by a suffix', () => {
			const result = source.anchor({ exact: 'Same paragraph here.', suffix: '\nSame' });
			expect(result.ok && result.position.start).toBe(7);
		});

		it('fails when the prefix matches neither occurrence', () => {
			const result = source.anchor({ exact: 'Same paragraph here.', prefix: 'nowhere' });
			expect(result.ok).toBe(false);
			expect(!result.ok && result.reason).toContain('prefix/suffix match none of those places');
		});
	});

	it('counts offsets in code points, so astral characters count once', () => {
		const text = '𝒜 “quote” — 😀 after the emoji';
		const result = new SourceText(text).anchor({ exact: 'after the emoji' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.position.start).toBe(Array.from(text).indexOf('a'));
		expect(result.position.start).toBe(14);
		expect(result.position.unitStart).toBe(16);
		expect(text.slice(result.position.unitStart, result.position.unitEnd)).toBe('after the emoji');
		expect(Array.from(text).slice(result.position.start, result.position.end).join('')).toBe(
			'after the emoji'
		);
	});

	it('finds every place a quotation occurs, overlapping ones included, as a plain search does', () => {
		const everyPlace = (text: string, exact: string) => {
			const found: number[] = [];
			for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1))
				found.push(at);
			return found;
		};
		// Few letters, so quotations recur, overlap and share the index's buckets.
		const cases = fc
			.array(fc.constantFrom('a', 'b', ' ', '“', '😀'), { minLength: 1, maxLength: 3000 })
			.map((chars) => chars.join(''))
			.chain((text) =>
				fc.record({
					text: fc.constant(text),
					exact: fc.oneof(
						fc
							.tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 24 }))
							.map(([at, length]) => text.slice(at, at + length)),
						fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 24 })
					)
				})
			);
		fc.assert(
			fc.property(cases, ({ text, exact }) => {
				expect(new SourceText(text).occurrences(exact)).toEqual(everyPlace(text, exact));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('anchoring a list of citations', () => {
	const texts = new Map([
		['article', new SourceText(article)],
		['other', new SourceText('Another text.')]
	]);

	it('anchors every citation and keeps what the author wrote', () => {
		const { citations, problems } = anchorCitations(
			[{ source: 'article', exact: 'provide unpaid labor', suffix: '.”' }],
			texts
		);
		expect(problems).toEqual([]);
		expect(citations).toEqual([
			{
				source: 'article',
				exact: 'provide unpaid labor',
				suffix: '.”',
				start: 37,
				end: 57,
				anchor: 'p37-57'
			}
		]);
	});

	it('reports a quote it cannot find at its place in the list, numbered from 1, with the near-match', () => {
		const { citations, problems } = anchorCitations(
			[
				{ source: 'article', exact: 'provide unpaid labor' },
				{ source: 'article', exact: '"Hundreds of artists provide' }
			],
			texts
		);
		expect(citations.map((c) => c.anchor)).toEqual(['p37-57']);
		expect(problems).toEqual([
			{
				path: [1, 'exact'],
				message:
					'citation 2 (source article): quote not found (it matches at offset 16 only if quotes and dashes are straightened: the source has "“" where the quote has "\\"")'
			}
		]);
	});

	it('reports an unknown source and lists the known ones', () => {
		const { problems } = anchorCitations(
			[{ source: 'techcrunch', exact: 'anything at all' }],
			texts
		);
		expect(problems).toEqual([
			{
				path: [0, 'source'],
				message: 'citation 1: unknown source "techcrunch" (known: article, other)'
			}
		]);
	});
});

/** The code-point span of the `nth` (from 0) occurrence of `passage` in `text`. */
function spanOf(text: string, passage: string, nth = 0): [number, number] {
	let at = -1;
	for (let i = 0; i <= nth; i++) at = text.indexOf(passage, at + 1);
	if (at === -1) throw new Error(`"${passage}" does not occur ${nth + 1} times`);
	const start = Array.from(text.slice(0, at)).length;
	return [start, start + Array.from(passage).length];
}

/** Where the selector anchors in `text`, as code-point offsets. */
function anchored(text: string, selector: QuoteSelector) {
	const result = new SourceText(text).anchor(selector);
	return result.ok ? [result.position.start, result.position.end] : result.reason;
}

const sources = parse(readFileSync('questions/sources/sources.yaml', 'utf8')) as {
	sources: { id: string; file: string }[];
};
const sourceText = (id: string) =>
	readFileSync(join('questions/sources', sources.sources.find((s) => s.id === id)!.file), 'utf8');

describe('the selector for a selected passage', () => {
	it('is the bare quote when the passage occurs once', () => {
		const text = sourceText('readwrite-2024-11');
		const span = spanOf(text, 'OpenAI had provided free early access');
		expect(selectorFor(text, ...span)).toEqual({ exact: 'OpenAI had provided free early access' });
	});

	it('adds the shortest prefix that picks a repeated passage', () => {
		const text = 'A: same words. B: same words.';
		const span = spanOf(text, 'same words.', 1);
		const selector = selectorFor(text, ...span);
		expect(selector).toEqual({ exact: 'same words.', prefix: 'B: ' });
		expect(anchored(text, selector)).toEqual(span);
	});

	it('adds the shortest suffix when that is shorter than any prefix', () => {
		const text = 'A: same words. B: same words.';
		const span = spanOf(text, 'same words.', 0);
		const selector = selectorFor(text, ...span);
		expect(selector).toEqual({ exact: 'same words.', suffix: ' ' });
		expect(anchored(text, selector)).toEqual(span);
	});

	it('uses both a prefix and a suffix when neither alone picks the passage', () => {
		const selector = selectorFor('aaaa', 1, 2);
		expect(selector).toEqual({ exact: 'a', prefix: 'a', suffix: 'aa' });
		expect(anchored('aaaa', selector)).toEqual([1, 2]);
	});

	it('picks either copy of a paragraph the source prints twice', () => {
		const text = sourceText('unattributed-mid-article');
		const passage = 'The activists clarified they are not opposed to AI';
		for (const nth of [0, 1]) {
			const span = spanOf(text, passage, nth);
			const selector = selectorFor(text, ...span);
			expect(selector.exact).toBe(passage);
			expect((selector.prefix ?? selector.suffix ?? '').length).toBeGreaterThan(0);
			expect(anchored(text, selector)).toEqual(span);
		}
	});

	it('keeps a selection that starts and ends inside words as it is', () => {
		const text = sourceText('readwrite-2024-11');
		const span = spanOf(text, 'rovided free early acc');
		expect(selectorFor(text, ...span)).toEqual({ exact: 'rovided free early acc' });
	});

	it('keeps curly quotes and the source’s own typos', () => {
		const text = sourceText('unattributed-leak-exposes');
		const passage = '“We are not against the use of Al technology';
		const selector = selectorFor(text, ...spanOf(text, passage));
		expect(selector.exact).toBe(passage);
		expect(anchored(text, selector)).toEqual(spanOf(text, passage));
	});

	it('counts in code points and never splits one into halves', () => {
		// 😀 and 😁 share their first UTF-16 unit, so one unit of prefix would be half a character.
		const text = '😀same 😁same';
		const span = spanOf(text, 'same', 1);
		expect(span).toEqual([7, 11]);
		const selector = selectorFor(text, ...span);
		expect(selector).toEqual({ exact: 'same', prefix: '😁' });
		expect(anchored(text, selector)).toEqual(span);
	});

	it('refuses an empty or out-of-range selection', () => {
		expect(() => selectorFor('some text', 3, 3)).toThrow(RangeError);
		expect(() => selectorFor('some text', 5, 40)).toThrow(RangeError);
	});

	it('anchors back to the selected span, for any text and any selection', () => {
		const texts = fc
			.array(fc.constantFrom('a', 'b', ' ', '\n', '“', '😀'), { minLength: 1, maxLength: 40 })
			.map((chars) => chars.join(''));
		const cases = texts.chain((text) => {
			const length = Array.from(text).length;
			return fc
				.tuple(fc.nat(length - 1), fc.nat(length - 1))
				.map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 }));
		});
		fc.assert(
			fc.property(cases, ({ text, start, end }) => {
				expect(anchored(text, selectorFor(text, start, end))).toEqual([start, end]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('uses no longer a prefix or suffix than picking the passage needs', () => {
		const text = 'ab ab a “b” ab😀ab ab\nab';
		const points = Array.from(text);
		const picks = (selector: QuoteSelector, span: [number, number]) =>
			JSON.stringify(anchored(text, selector)) === JSON.stringify(span);
		const shorterSides = (length: number) =>
			Array.from({ length: Math.max(0, length - 1) }, (_, n) => n + 1);
		for (let start = 0; start < points.length; start++)
			for (let end = start + 1; end <= points.length; end++) {
				const span: [number, number] = [start, end];
				const { exact, prefix, suffix } = selectorFor(text, start, end);
				if (prefix && suffix) continue;
				const context = prefix ?? suffix;
				if (context === undefined) continue;
				const before = points.slice(0, start);
				const after = points.slice(end);
				for (const n of shorterSides(Array.from(context).length)) {
					expect(picks({ exact, prefix: before.slice(-n).join('') }, span)).toBe(false);
					expect(picks({ exact, suffix: after.slice(0, n).join('') }, span)).toBe(false);
				}
			}
	});

	it('anchors back to any passage selected in a real source', () => {
		const text = sourceText('unattributed-mid-article');
		const length = Array.from(text).length;
		const spans = fc
			.tuple(fc.nat(length - 1), fc.integer({ min: 1, max: 120 }))
			.map(([start, size]) => ({ start, end: Math.min(length, start + size) }));
		fc.assert(
			fc.property(spans, ({ start, end }) => {
				expect(anchored(text, selectorFor(text, start, end))).toEqual([start, end]);
			}),
			{ numRuns: 300 }
		);
	});
});
