import { describe, expect, it } from 'vitest';
import { anchorCitations, describeNearMiss, SourceText } from '../../src/lib/content/anchor';

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

	describe('a passage that occurs twice', () => {
		const doubled = 'Intro.\nSame paragraph here.\nSame paragraph here.\nEnd.';
		const source = new SourceText(doubled);

		it('is ambiguous without a prefix or suffix', () => {
			const result = source.anchor({ exact: 'Same paragraph here.' });
			expect(result).toEqual({
				ok: false,
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
