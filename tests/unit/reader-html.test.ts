// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import { citedPassages, segmentSource, type Citer } from '../../src/lib/content/passages';
import { citedPassagesHtml, sourceTextHtml } from '../../src/lib/quiz/reader-html';
import { quotedPassage } from '../../src/lib/text/quoted-passage';

/** The markup as a browser reads it. */
const parse = (html: string) => {
	const template = document.createElement('template');
	template.innerHTML = html;
	return template.content;
};

const bank = loadBank();

describe('the source text as plain markup', () => {
	it('has the paragraphs and passage anchors that marking the text would draw, for every source', () => {
		for (const source of bank.sources) {
			const passages = citedPassages(bank, source.id);
			const html = parse(sourceTextHtml(source.text, passages));
			const paragraphs = segmentSource(source.text, passages);
			expect(
				[...html.children].map((p) => p.textContent),
				source.id
			).toEqual(paragraphs.map((segments) => segments.map((s) => s.text).join('')));
			expect(
				[...html.querySelectorAll('span.anchor')].map((a) => a.id),
				source.id
			).toEqual(paragraphs.flat().flatMap((s) => s.starts));
			// Every passage's anchor is in the text, once, so a #p… link lands on it.
			expect(new Set([...html.querySelectorAll('[id]')].map((a) => a.id)).size).toBe(
				passages.length
			);
		}
	});

	it('counts offsets in code points, so an emoji does not shift an anchor', () => {
		const html = parse(
			sourceTextHtml('😀 quoted bit\nNext 😀 line', [
				{ anchor: 'p2-8', start: 2 },
				{ anchor: 'p20-24', start: 20 }
			])
		);
		expect([...html.children].map((p) => p.innerHTML)).toEqual([
			'😀 <span id="p2-8" class="anchor"></span>quoted bit',
			'Next 😀 <span id="p20-24" class="anchor"></span>line'
		]);
	});

	it('shows markup in the text as text, never as elements', () => {
		const text = 'A <b>bold</b> & "quoted" claim.\n\nSecond <script>alert(1)</script> line.';
		const html = parse(sourceTextHtml(text, [{ anchor: 'p2-13" onclick="x', start: 2 }]));
		expect([...html.children].map((p) => p.textContent)).toEqual([
			'A <b>bold</b> & "quoted" claim.',
			'Second <script>alert(1)</script> line.'
		]);
		expect(html.querySelectorAll('b, script, [onclick]')).toHaveLength(0);
		expect(html.querySelector('span.anchor')?.id).toBe('p2-13" onclick="x');
	});
});

describe('the list of cited passages as markup', () => {
	const source = bank.sources.find((s) => s.id === 'ars-technica-2024-11-27')!;
	const passages = citedPassages(bank, source.id);
	const hrefs = {
		practise: (ids: readonly string[]) => `/quiz?ids=${ids.join(',')}`,
		citer: (c: Citer) => `/${c.kind}/${c.id}`
	};
	const list = parse(citedPassagesHtml(passages, hrefs)).querySelector('ol')!;

	it('lists every passage in reading order, in one pair of quotation marks, linked to its place in the text', () => {
		const items = [...list.children];
		expect(items.map((li) => li.id)).toEqual(passages.map((p) => `cited-${p.anchor}`));
		expect(items.map((li) => li.querySelector('blockquote')!.textContent)).toEqual(
			passages.map((p) => quotedPassage(p.exact))
		);
		for (const li of items) {
			const toText = li.querySelector('a')!;
			expect(toText.textContent).toBe('Go to passage');
			expect(toText.getAttribute('href')).toBe(`#${li.id.replace(/^cited-/, '')}`);
		}
	});

	it('links each passage to one quiz of the questions quoting it, named by their ids, and to each other page that quotes it', () => {
		const words: Record<Exclude<Citer['kind'], 'question'>, string> = {
			glossary: 'glossary',
			comparison: 'who said what',
			seminar: 'seminar guide'
		};
		let severalQuestions = 0;
		passages.forEach((passage, i) => {
			const ids = passage.citedBy.filter((c) => c.kind === 'question').map((c) => c.id);
			const others = passage.citedBy.filter((c) => c.kind !== 'question');
			const practise =
				ids.length === 0
					? []
					: [
							[
								`practise ${ids.length === 1 ? 'question' : 'questions'} ${ids.join(', ')}`,
								`/quiz?ids=${ids.join(',')}`
							]
						];
			const links = [...list.children[i]!.querySelectorAll('p a')];
			expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
				...practise,
				...others.map((c) => [
					`${words[c.kind as keyof typeof words]}: ${c.label}`,
					`/${c.kind}/${c.id}`
				])
			]);
			if (ids.length > 1) severalQuestions++;
		});
		// The source's passages quoted by more than one question each get one link, not one a question.
		expect(severalQuestions).toBeGreaterThan(20);
		const questionLinks = passages.flatMap((p) => p.citedBy.filter((c) => c.kind === 'question'));
		expect(list.querySelectorAll('p a[href^="/quiz"]').length).toBeLessThan(
			questionLinks.length / 2
		);
	});

	it('escapes a label and an address rather than reading them as markup', () => {
		const hostile: Citer = { kind: 'glossary', id: 'x', label: '<img src=x onerror=alert(1)>' };
		const html = parse(
			citedPassagesHtml(
				[{ anchor: 'p0-4', start: 0, end: 4, exact: '<i>“a”</i>', citedBy: [hostile] }],
				{ practise: () => '/quiz', citer: () => '/glossary#x" onmouseover="alert(1)' }
			)
		);
		expect(html.querySelectorAll('img, i, [onmouseover]')).toHaveLength(0);
		expect(html.querySelector('p a')!.textContent).toBe('glossary: <img src=x onerror=alert(1)>');
		expect(html.querySelector('p a')!.getAttribute('href')).toBe(
			'/glossary#x" onmouseover="alert(1)'
		);
	});

	it('escapes the ids and the address of the link that practises a passage’s questions', () => {
		const id = 'q"><script>alert(1)</script>';
		const html = parse(
			citedPassagesHtml(
				[
					{
						anchor: 'p0-4',
						start: 0,
						end: 4,
						exact: '“a”',
						citedBy: [{ kind: 'question', id, label: 'A question' }]
					}
				],
				{ practise: (ids) => `/quiz?ids=${ids.join(',')}" onfocus="alert(1)`, citer: () => '' }
			)
		);
		expect(html.querySelectorAll('script, [onfocus]')).toHaveLength(0);
		const practise = html.querySelector('p a')!;
		expect(practise.textContent).toBe(`practise question ${id}`);
		expect(practise.getAttribute('href')).toBe(`/quiz?ids=${id}" onfocus="alert(1)`);
	});
});
