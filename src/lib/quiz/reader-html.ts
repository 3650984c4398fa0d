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
	const starts = [...passages].sort((a, b) => a.start - b.start);
	let html = '';
	let next = 0;
	// Walked once by code point, cut by UTF-16 index: the browser runs this while the page hydrates.
	let point = 0;
	let lineStart = 0;
	let from = 0;
	let line = '';
	for (let unit = 0; unit <= text.length; point++) {
		const c = text.codePointAt(unit);
		if (c === undefined || c === 10) {
			line += escapeHtml(text.slice(from, unit));
			// A line of spaces is no paragraph, and an anchor in it (or on a line break) no place.
			if (text.slice(lineStart, unit).trim() !== '') html += `<p>${line}</p>`;
			line = '';
			lineStart = from = unit + 1;
			while (next < starts.length && starts[next]!.start <= point) next++;
		} else
			while (next < starts.length && starts[next]!.start === point) {
				line += `${escapeHtml(text.slice(from, unit))}<span id="${escapeHtml(starts[next]!.anchor)}" class="anchor"></span>`;
				from = unit;
				next++;
			}
		unit += c !== undefined && c > 0xffff ? 2 : 1;
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
