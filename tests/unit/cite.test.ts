import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { anchorCitations, SourceText } from '../../src/lib/content/anchor';
import {
	checkCitation,
	citeSelection,
	findPassages,
	sourceParagraphs,
	type CitedPassage
} from '../../src/lib/content/cite';
import { citationSchema } from '../../src/lib/content/schema';

const sources = parse(readFileSync('questions/sources/sources.yaml', 'utf8')) as {
	sources: { id: string; file: string }[];
};
const sourceText = (id: string) =>
	readFileSync(join('questions/sources', sources.sources.find((s) => s.id === id)!.file), 'utf8');
const texts = new Map(sources.sources.map((s) => [s.id, new SourceText(sourceText(s.id))]));
const source = (id: string) => texts.get(id)!;

/** UTF-16 offsets of the nth occurrence of `passage` in `text`. */
function unitsOf(text: string, passage: string, nth = 0): [number, number] {
	let at = -1;
	for (let i = 0; i <= nth; i++) {
		at = text.indexOf(passage, at + 1);
		if (at === -1) throw new Error(`"${passage}" occurs fewer than ${nth + 1} times`);
	}
	return [at, at + passage.length];
}

/** The citation made from the nth occurrence of `passage` in a source, failing the test if none is. */
function cite(id: string, passage: string, nth = 0) {
	const made = citeSelection(id, source(id), ...unitsOf(source(id).text, passage, nth));
	if (!made.ok) throw new Error(made.reason);
	return made;
}

/** Where a citation anchors when the build anchors it, as UTF-16 offsets. */
function anchoredUnits(made: CitedPassage & { ok: true }) {
	const { citations, problems } = anchorCitations([made.citation], texts);
	expect(problems).toEqual([]);
	const anchored = citations[0]!;
	expect(anchored.start).toBe(made.position.start);
	return [made.position.unitStart, made.position.unitEnd];
}

describe('making a citation from a selected passage', () => {
	it('quotes a passage that occurs once as it is, with no context', () => {
		const made = cite('readwrite-2024-11', 'OpenAI had provided free early access to Sora');
		expect(made.citation).toEqual({
			source: 'readwrite-2024-11',
			exact: 'OpenAI had provided free early access to Sora'
		});
		expect(made).toMatchObject({ occurrences: 1, widened: false, clipped: false });
		expect(citationSchema.parse(made.citation)).toEqual(made.citation);
	});

	it('gives a paragraph the source prints twice the words before it that pick the copy selected', () => {
		const id = 'unattributed-mid-article';
		const text = source(id).text;
		const passage = 'The Sora PR Puppets group claims that OpenAI’s early access program';
		expect(text.split(passage).length - 1).toBe(2);
		const first = cite(id, passage, 0);
		const second = cite(id, passage, 1);
		expect(first.occurrences).toBe(2);
		expect(first.citation.exact).toBe(passage);
		expect(second.citation.exact).toBe(passage);
		// Whole words, as the bank's own authors wrote them (comp-e2 cites the first copy so).
		expect(first.citation.prefix).toBe('Happen?\n');
		expect(second.citation.prefix).toBe('evaluation.\n');
		expect(anchoredUnits(first)).toEqual(unitsOf(text, passage, 0));
		expect(anchoredUnits(second)).toEqual(unitsOf(text, passage, 1));
	});

	it('gives a repeated sentence the words after it when they are what tell it apart', () => {
		const id = 'unattributed-mid-article';
		const text = source(id).text;
		const passage = 'using authorization tokens likely granted for early access.';
		const copies = text.split(passage).length - 1;
		expect(copies).toBe(2);
		const made = Array.from({ length: copies }, (_, nth) => cite(id, passage, nth));
		expect(made.map((m) => m.citation.suffix)).toEqual(['\nOn', '\nWhile']);
		expect(made.map((m) => m.citation.prefix)).toEqual([undefined, undefined]);
		made.forEach((m, nth) => expect(anchoredUnits(m)).toEqual(unitsOf(text, passage, nth)));
	});

	it('picks one of two identical sentences in a made-up text with the shortest whole-word context', () => {
		const text = 'Alpha: the tool leaked. Beta: the tool leaked.';
		const s = new SourceText(text);
		const passage = 'the tool leaked.';
		// The second copy ends the text, so only the words before it can tell it apart.
		const second = citeSelection('x', s, ...unitsOf(text, passage, 1));
		expect(second).toMatchObject({
			ok: true,
			citation: { source: 'x', exact: passage, prefix: 'Beta: ' },
			occurrences: 2
		});
		// The first starts after "Alpha: " and "a: " is before both: one space after it is shorter.
		const first = citeSelection('x', s, ...unitsOf(text, passage, 0));
		expect(first).toMatchObject({ ok: true, citation: { exact: passage, suffix: ' Beta:' } });
		if (!second.ok || !first.ok) return;
		expect(first.citation.prefix).toBeUndefined();
		expect(second.citation.suffix).toBeUndefined();
		expect(s.anchor(first.citation)).toMatchObject({ ok: true, position: { unitStart: 7 } });
		expect(s.anchor(second.citation)).toMatchObject({ ok: true, position: { unitStart: 30 } });
	});

	it('widens a selection that starts and ends inside words to the whole words, and says so', () => {
		const made = cite('readwrite-2024-11', 'rovided free early acc');
		expect(made.citation.exact).toBe('provided free early access');
		expect(made.widened).toBe(true);
	});

	it('keeps a word’s apostrophe and does not widen across a hyphen or punctuation', () => {
		const text = 'The tester’s 10-second clip, they said, wasn’t theirs.';
		const s = new SourceText(text);
		expect(citeSelection('x', s, ...unitsOf(text, 'er’s 10-sec'))).toMatchObject({
			ok: true,
			citation: { exact: 'tester’s 10-second' }
		});
		expect(citeSelection('x', s, ...unitsOf(text, 'second clip, they'))).toMatchObject({
			ok: true,
			citation: { exact: 'second clip, they' },
			widened: false
		});
		expect(citeSelection('x', s, ...unitsOf(text, 'they said, wasn'))).toMatchObject({
			ok: true,
			citation: { exact: 'they said, wasn’t' },
			widened: true
		});
	});

	it('drops spaces and line breaks at either end of the selection', () => {
		const text = source('readwrite-2024-11').text;
		const [start, end] = unitsOf(text, 'OpenAI had provided free early access');
		const made = citeSelection(
			'readwrite-2024-11',
			source('readwrite-2024-11'),
			start - 1,
			end + 1
		);
		expect(made).toMatchObject({
			ok: true,
			citation: { exact: 'OpenAI had provided free early access' },
			widened: false
		});
	});

	it('accepts the selection’s ends in either order (a drag from right to left)', () => {
		const text = source('readwrite-2024-11').text;
		const [start, end] = unitsOf(text, 'OpenAI had provided free early access');
		expect(citeSelection('readwrite-2024-11', source('readwrite-2024-11'), end, start)).toEqual(
			citeSelection('readwrite-2024-11', source('readwrite-2024-11'), start, end)
		);
	});

	it('keeps curly quotes and the source’s own typo (“Al” for “AI”)', () => {
		const passage = '“We are not against the use of Al technology';
		const made = cite('unattributed-leak-exposes', passage);
		expect(made.citation.exact).toBe(passage);
		expect(made.widened).toBe(false);
		expect(anchoredUnits(made)).toEqual(unitsOf(source('unattributed-leak-exposes').text, passage));
	});

	it('cuts a selection that runs into the next paragraph at the end of its first paragraph', () => {
		const id = 'readwrite-2024-11';
		const text = source(id).text;
		const firstEnd = 'enhance OpenAI’s public image.';
		const [start] = unitsOf(text, 'However, around 20 of these artists');
		const [, end] = unitsOf(text, 'Using the group’s frontend, users');
		expect(text.slice(start, end)).toContain('\n');
		const made = citeSelection(id, source(id), start, end);
		expect(made).toMatchObject({ ok: true, clipped: true });
		if (!made.ok) return;
		expect(made.citation.exact.startsWith('However, around 20')).toBe(true);
		expect(made.citation.exact.endsWith(firstEnd)).toBe(true);
		expect(made.citation.exact).not.toContain('\n');
	});

	it('skips a paragraph break at the start of a selection (a triple-click picks up the line end)', () => {
		const id = 'readwrite-2024-11';
		const text = source(id).text;
		const paragraph = sourceParagraphs(text)[4]!;
		const made = citeSelection(id, source(id), paragraph.unitStart - 1, paragraph.unitEnd + 1);
		expect(made).toMatchObject({ ok: true, clipped: false, citation: { exact: paragraph.text } });
	});

	it('refuses a selection shorter than the schema’s 8 characters, and an empty one', () => {
		const text = 'The leak lasted hours.';
		const s = new SourceText(text);
		const short = citeSelection('x', s, ...unitsOf(text, 'leak'));
		expect(short).toEqual({
			ok: false,
			reason: 'A citation must quote at least 8 characters; “leak” has 4. Select a longer passage.'
		});
		expect(citeSelection('x', s, 3, 4)).toMatchObject({ ok: false, reason: /Nothing is selected/ });
	});

	it('refuses a selection longer than the schema allows', () => {
		const text = `${'word '.repeat(300)}end`;
		const made = citeSelection('x', new SourceText(text), 0, text.length);
		expect(made).toMatchObject({
			ok: false,
			reason: /at most 1,200 characters; this passage has 1,503/
		});
	});

	it('never splits a character outside the Basic Multilingual Plane', () => {
		const text = 'He posted 😀 twice: 😀 then left the thread.';
		const s = new SourceText(text);
		// Offsets that fall between the two halves of each emoji.
		const made = citeSelection('x', s, text.indexOf('😀') + 1, text.lastIndexOf('😀') + 1);
		expect(made).toMatchObject({ ok: true, citation: { exact: '😀 twice: 😀' } });
		if (made.ok) expect(made.position).toMatchObject({ start: 10, end: 20 });
	});

	it('makes citations that the build anchors back to the same place, for every sentence of every source', () => {
		let checked = 0;
		for (const [id, s] of texts) {
			for (const paragraph of sourceParagraphs(s.text)) {
				for (const sentence of paragraph.text.matchAll(/[^.?!]+[.?!]?/g)) {
					const start = paragraph.unitStart + sentence.index;
					const made = citeSelection(id, s, start, start + sentence[0].length);
					if (!made.ok) {
						expect(made.reason).toMatch(/at least 8 characters/);
						continue;
					}
					expect(citationSchema.safeParse(made.citation).success).toBe(true);
					expect(s.text.slice(made.position.unitStart, made.position.unitEnd)).toBe(
						made.citation.exact
					);
					const { citations, problems } = anchorCitations([made.citation], texts);
					expect(problems).toEqual([]);
					expect(citations[0]).toMatchObject({
						start: made.position.start,
						end: made.position.end
					});
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(150);
	});

	it('anchors back to the passage it reports, for any text and any selection', () => {
		const cases = fc
			.array(fc.constantFrom('ab', 'a', ' ', '\n', '’', '“', '😀', 'b.'), {
				minLength: 1,
				maxLength: 30
			})
			.map((parts) => parts.join(''))
			.chain((text) =>
				fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([from, to]) => ({ text, from, to }))
			);
		fc.assert(
			fc.property(cases, ({ text, from, to }) => {
				const s = new SourceText(text);
				const made = citeSelection('x', s, from, to);
				if (!made.ok) return;
				const { unitStart, unitEnd } = made.position;
				expect(text.slice(unitStart, unitEnd)).toBe(made.citation.exact);
				expect(made.citation.exact).not.toContain('\n');
				expect(made.citation.exact).toBe(made.citation.exact.trim());
				const again = s.anchor(made.citation);
				expect(again).toMatchObject({ ok: true, position: { unitStart, unitEnd } });
			}),
			{ numRuns: 500 }
		);
	});
});

describe('finding passages by search', () => {
	it('finds every match, ignoring case, with some words either side in its paragraph', () => {
		const text = source('unattributed-mid-article').text;
		const matches = findPassages(text, 'sora pr puppets group claims');
		expect(matches).toHaveLength(2);
		for (const m of matches) {
			expect(m.passage).toBe('Sora PR Puppets group claims');
			expect(text.slice(m.unitStart, m.unitEnd)).toBe(m.passage);
			expect(m.before).toBe('The ');
			expect(m.after.startsWith(' that OpenAI’s early access program')).toBe(true);
			expect(m.after.endsWith('…')).toBe(true);
			expect(m.after).not.toContain('\n');
		}
	});

	it('finds the source’s curly quotes and dashes from straight ones typed in', () => {
		const text = source('readwrite-2024-11').text;
		const [match] = findPassages(
			text,
			"OpenAI's unreleased Sora API. Using authentication tokens-likely"
		);
		expect(match?.passage).toBe('OpenAI’s unreleased Sora API. Using authentication tokens—likely');
		const made = citeSelection(
			'readwrite-2024-11',
			source('readwrite-2024-11'),
			match!.unitStart,
			match!.unitEnd
		);
		expect(made).toMatchObject({
			ok: true,
			citation: { exact: 'OpenAI’s unreleased Sora API. Using authentication tokens—likely' }
		});
	});

	it('cuts long context at a word and marks the cut with an ellipsis', () => {
		const text = `${'one two three four five six seven eight nine ten '.repeat(3)}TARGET ${'eleven twelve '.repeat(8)}`;
		const [match] = findPassages(text, 'target');
		expect(match?.before.startsWith('…')).toBe(true);
		expect(match?.before.endsWith('ten ')).toBe(true);
		expect(match?.before.slice(1)).toMatch(/^[a-z]/);
		expect(text).toContain(match!.before.slice(1));
		expect(match?.after.endsWith('…')).toBe(true);
		expect(match!.after.length).toBeLessThanOrEqual(52);
	});

	it('finds nothing for an empty query or one not in the text', () => {
		const text = source('readwrite-2024-11').text;
		expect(findPassages(text, '   ')).toEqual([]);
		expect(findPassages(text, 'a phrase no source has')).toEqual([]);
	});
});

describe('checking a quotation typed or pasted by hand', () => {
	it('accepts a quotation that is in the source, with the place the build gives it', () => {
		const check = checkCitation(
			{ source: 'readwrite-2024-11', exact: '  OpenAI had provided free early access\n' },
			texts
		);
		expect(check).toMatchObject({
			ok: true,
			citation: { source: 'readwrite-2024-11', exact: 'OpenAI had provided free early access' }
		});
	});

	it('gives the build’s message and the source’s wording for straightened quotes', () => {
		const check = checkCitation(
			{ source: 'readwrite-2024-11', exact: "OpenAI's unreleased Sora API" },
			texts
		);
		expect(check).toMatchObject({
			ok: false,
			problem: 'not-found',
			nearest: 'OpenAI’s unreleased Sora API'
		});
		if (check.ok) return;
		expect(check.message).toContain('only if quotes and dashes are straightened');
		const built = anchorCitations(
			[{ source: 'readwrite-2024-11', exact: "OpenAI's unreleased Sora API" }],
			texts
		);
		expect(built.problems[0]?.message).toContain(check.message);
	});

	it('gives the nearest passage for a misremembered quotation', () => {
		const check = checkCitation(
			{ source: 'readwrite-2024-11', exact: 'OpenAI had provided paid early access to Sora' },
			texts
		);
		expect(check).toMatchObject({ ok: false, problem: 'not-found' });
		if (check.ok) return;
		expect(check.message).toContain(
			'the source has "ad provided free" where the quote has "ad provided paid"'
		);
		expect(check.nearest).toBe('OpenAI had provided free early access to Sora');
	});

	it('says a quotation that occurs more than once needs a prefix or suffix, as the build does', () => {
		const check = checkCitation(
			{
				source: 'unattributed-mid-article',
				exact: 'The Sora PR Puppets group claims that OpenAI’s early access program'
			},
			texts
		);
		expect(check).toMatchObject({ ok: false, problem: 'ambiguous' });
		if (!check.ok) expect(check.message).toMatch(/occurs 2 times .* add a prefix or suffix/);
	});

	it('applies the citation schema first: too short, or an unknown source', () => {
		expect(checkCitation({ source: 'readwrite-2024-11', exact: 'Sora' }, texts)).toEqual({
			ok: false,
			problem: 'schema',
			message: 'exact: must quote at least 8 characters'
		});
		expect(
			checkCitation({ source: 'the-times', exact: 'OpenAI had provided' }, texts)
		).toMatchObject({
			ok: false,
			problem: 'unknown-source',
			message: expect.stringContaining('unknown source "the-times" (known: readwrite-2024-11')
		});
	});
});
