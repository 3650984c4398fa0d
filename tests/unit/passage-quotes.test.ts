import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseGift } from 'gift-pegjs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportPack } from '../../src/lib/export/files';
import { formatIds, type FormatId } from '../../src/lib/export/index';
import { realBankPack } from '../helpers/packs';
import { passageShowing } from '../helpers/quotation-marks';
import { parseXml, unzipTextFiles, type XmlTree } from '../helpers/xml-tree';

// Issue 13: 76 cited passages carry their own quotation marks, and every export added a second
// pair (““Hundreds…””). Every export of the whole bank is read back with an independent parser, as
// an LMS or a reader would see its texts, and each cited passage is looked for in them.

const pack = realBankPack();
const passages = [...new Set(pack.questions.flatMap((q) => q.citations.map((c) => c.exact)))];

/** Every text of an element and the elements inside it. */
const textsOf = (node: XmlTree): string[] => [node.text, ...node.children.flatMap(textsOf)];

/** A text as shown: an HTML fragment (as Moodle and Canvas store feedback) read for its texts, plain text as it is. */
function shown(text: string): string[] {
	if (!/<[a-z]/i.test(text)) return [text];
	try {
		return textsOf(parseXml(`<root>${text}</root>`)).flatMap(shown);
	} catch {
		return [text];
	}
}

/** Every string value anywhere in a parsed structure. */
const stringsIn = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsIn)
			: [];

/**
 * Formats whose passages are not written as text: JSON keeps each stored passage as it is (tested
 * below), and the SCORM package's player shows them with the site's own CitationQuote (tested in
 * its component test), its source pages the articles' own words.
 */
type Carried = Exclude<FormatId, 'json' | 'scorm12'>;

/** What a reader of each format sees, as one text per format. */
const readers: Record<Carried, (data: string | Uint8Array) => string[]> = {
	moodleXml: (data) => textsOf(parseXml(data as string)).flatMap(shown),
	gift: (data) => stringsIn(parseGift(data as string)).flatMap(shown),
	qti21: (data) =>
		[...unzipTextFiles(data as Uint8Array).values()].flatMap((xml) =>
			textsOf(parseXml(xml)).flatMap(shown)
		),
	canvasQti: (data) =>
		[...unzipTextFiles(data as Uint8Array).values()].flatMap((xml) =>
			textsOf(parseXml(xml)).flatMap(shown)
		),
	aiken: (data) => [data as string],
	csv: (data) => (parseCsv(data as string, { bom: true }) as string[][]).flat(),
	markdown: (data) => [
		(marked.parse(data as string, { async: false, gfm: true }) as string)
			.replace(/<[^>]*>/g, '')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
			.replace(/&amp;/g, '&')
	]
};

describe('cited passages in every export of the whole bank', () => {
	it('counts the passages that carry their own quotation marks', () => {
		const own = passages.filter((p) => /^["“‘]|["”’]$/.test(p));
		expect(own.length).toBeGreaterThan(20);
	});

	for (const format of formatIds.filter((f): f is Carried => f !== 'json' && f !== 'scorm12'))
		it(`${format}: shows each passage in quotation marks, never two marks side by side`, () => {
			const text = readers[format](exportPack(pack, pack.id, format).file.data).join('\n');
			const doubled: string[] = [];
			for (const exact of passages) {
				const showing = passageShowing(text, exact);
				doubled.push(...showing.doubled);
				// Aiken carries no feedback, so no citation; every other format carries every passage.
				if (format !== 'aiken') expect(showing.quoted, `${format}: ${exact}`).toBeGreaterThan(0);
			}
			expect(doubled).toEqual([]);
		});

	it('json: keeps each stored passage exactly as it was, its own marks and no others', () => {
		const data = exportPack(pack, pack.id, 'json').file.data as string;
		const exported = JSON.parse(data) as typeof pack;
		expect(exported.questions.flatMap((q) => q.citations.map((c) => c.exact))).toEqual(
			pack.questions.flatMap((q) => q.citations.map((c) => c.exact))
		);
	});
});
