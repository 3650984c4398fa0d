// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import { bankCatalog, buildPack } from '../../src/lib/content/pack';
import { exportPack } from '../../src/lib/export/files';
import { unzipTextFiles } from '../helpers/xml-tree';

// The source pages of a SCORM package, read back with the browser's own HTML parser (jsdom here).

const bank = loadBank();
const kit = {
	player: { js: '', css: '' },
	sourceTexts: Object.fromEntries(bank.sources.map((s) => [s.id, s.text]))
};

describe('SCORM 1.2 package: the sources', () => {
	it('gives each cited source a page with every cited passage marked at its anchor', () => {
		const pack = buildPack(bankCatalog(bank), {
			id: 'week-3',
			title: 'Week 3',
			questions: bank.questions.filter((_, i) => i % 6 === 0)
		});
		const files = unzipTextFiles(
			exportPack(pack, pack.id, 'scorm12', { kit }).file.data as Uint8Array
		);
		const pages = new Map<string, Document>();
		const pageOf = (source: string) => {
			if (!pages.has(source))
				pages.set(
					source,
					new DOMParser().parseFromString(files.get(`sources/${source}.html`)!, 'text/html')
				);
			return pages.get(source)!;
		};
		for (const q of pack.questions)
			for (const c of q.citations) {
				const document = pageOf(c.source);
				const start = document.getElementById(c.anchor);
				expect(start, `${q.id} → ${c.anchor}`).not.toBeNull();
				// The passage starts at the anchor (a mark, or an empty anchor just before one) and is marked.
				const mark = start!.matches('mark') ? start! : start!.nextElementSibling!;
				expect(mark.matches('mark')).toBe(true);
				const range = document.createRange();
				range.setStartBefore(mark);
				range.setEndAfter(document.querySelector('section.text')!.lastChild!);
				expect(range.toString().startsWith(c.exact.split('\n')[0]!)).toBe(true);
			}
		expect(pages.size).toBeGreaterThan(1);
	});

	it('names the source and says where the passages are, with no script at all', () => {
		const source = bank.sources[0]!;
		const pack = buildPack(bankCatalog(bank), {
			id: 'one',
			title: 'One',
			questions: bank.questions
				.filter((q) => q.citations.some((c) => c.source === source.id))
				.slice(0, 3)
		});
		const files = unzipTextFiles(
			exportPack(pack, pack.id, 'scorm12', { kit }).file.data as Uint8Array
		);
		const document = new DOMParser().parseFromString(
			files.get(`sources/${source.id}.html`)!,
			'text/html'
		);
		expect(document.querySelector('h1')!.textContent).toBe(
			source.headline === 'unknown' ? source.label : source.headline
		);
		expect(document.querySelectorAll('script')).toHaveLength(0);
		expect(
			document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')
		).toContain("default-src 'none'");
		expect(document.body.textContent).toContain('Close this window to go back to the quiz.');
	});
});
