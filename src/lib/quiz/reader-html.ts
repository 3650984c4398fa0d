import type { CitedPassage, Citer } from '../content/passages';
import { quotedPassage } from '../text/quoted-passage';

// The source reader shows a whole source and a list of every passage the bank cites in it: some
// 5,000 elements and 500 links. Drawn as Svelte blocks, the browser walked each of them to hydrate
// the page (most of its main-thread time at load). Neither changes once drawn, so they are built
// here as markup, the same on the server and in the browser, and the page hydrates each as one block.

/**
 * Markup made by this module's builders, every piece of text in it escaped. The one type the page
 * hands to the Trusted Types policy (see src/lib/browser/trusted-html.ts).
 */
export type BuiltHtml = string & { readonly builtHtml: unique symbol };

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text safe in an element's content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The source's text as the reader shows it before any passage is marked: one `<p>` per non-blank
 * line (as `segmentSource` splits it) and an empty `<span class="anchor" id="p…">` where each cited
 * passage starts, so a `#p…` link lands on it. Offsets are in code points, as in the passages.
 */
export function sourceTextHtml(
	text: string,
	passages: readonly { anchor: string; start: number }[]
): BuiltHtml {
	const points = Array.from(text);
	const starts = [...passages].sort((a, b) => a.start - b.start);
	let next = 0;
	let html = '';
	let lineStart = 0;
	for (let i = 0; i <= points.length; i++) {
		if (i < points.length && points[i] !== '\n') continue;
		// Passages starting in a blank line, or on its line break, have nowhere to be shown.
		while (next < starts.length && starts[next]!.start < lineStart) next++;
		const line = points.slice(lineStart, i);
		if (line.join('').trim() !== '') {
			html += '<p>';
			let from = lineStart;
			while (next < starts.length && starts[next]!.start < i) {
				const at = starts[next]!.start;
				html += escapeHtml(points.slice(from, at).join(''));
				html += `<span id="${escapeHtml(starts[next]!.anchor)}" class="anchor"></span>`;
				from = at;
				next++;
			}
			html += `${escapeHtml(points.slice(from, i).join(''))}</p>`;
		}
		lineStart = i + 1;
	}
	return html as BuiltHtml;
}

/** What a link in the list says for each thing that quotes a passage. */
const citerText: Record<Citer['kind'], (citer: Citer) => string> = {
	question: (c) => `try question ${c.id}`,
	glossary: (c) => `glossary: ${c.label}`,
	comparison: (c) => `who said what: ${c.label}`,
	seminar: (c) => `seminar guide: ${c.label}`
};

/**
 * The reader's list of cited passages: for each, a link to it in the text (`#p…`), the passage in
 * quotation marks, and a link to everything that quotes it (to practise a question: `citerHref`).
 * Each item's id is `cited-p…`.
 */
export function citedPassagesHtml(
	passages: readonly CitedPassage[],
	citerHref: (citer: Citer) => string
): BuiltHtml {
	const citerLink = (c: Citer) =>
		`<a href="${escapeHtml(citerHref(c))}">${escapeHtml(citerText[c.kind](c))}</a>`;
	const items = passages.map(
		(p) =>
			`<li id="cited-${escapeHtml(p.anchor)}"><a href="#${escapeHtml(p.anchor)}">Go to passage</a>` +
			`<blockquote>${escapeHtml(quotedPassage(p.exact))}</blockquote>` +
			`<p>Cited by ${p.citedBy.map(citerLink).join(', ')}</p></li>`
	);
	return `<ol class="passages">${items.join('')}</ol>` as BuiltHtml;
}
