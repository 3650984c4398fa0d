import type { CitedPassage, Citer } from '../content/passages';
import { quotedPassage } from '../text/quoted-passage';

// The source reader shows a whole source and a list of every passage the bank cites in it: some
// 1,000 elements and 300 links. Drawn as Svelte blocks, the browser walked each of them to hydrate
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

/** What a link in the list says for a glossary entry, comparison or seminar guide that quotes a passage. */
const otherText: Record<Exclude<Citer['kind'], 'question'>, string> = {
	glossary: 'glossary',
	comparison: 'who said what',
	seminar: 'seminar guide'
};

/** Where the list's links lead: a quiz of the questions that quote a passage, or another page that does. */
export interface CitedListHrefs {
	practise: (questionIds: readonly string[]) => string;
	citer: (citer: Citer) => string;
}

/**
 * The reader's list of cited passages: for each, a link to it in the text (`#p…`), the passage in
 * quotation marks, one link to practise the questions that quote it (naming them by id) and a link
 * to each glossary entry, comparison or seminar guide that does. Each item's id is `cited-p…`.
 * One link for a passage's questions, not one each: the list stays a few hundred tab stops shorter.
 */
export function citedPassagesHtml(
	passages: readonly CitedPassage[],
	hrefs: CitedListHrefs
): BuiltHtml {
	const link = (href: string, text: string) =>
		`<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
	const practiseLink = (ids: string[]) =>
		link(
			hrefs.practise(ids),
			`practise ${ids.length === 1 ? 'question' : 'questions'} ${ids.join(', ')}`
		);
	const items = passages.map((p) => {
		const ids = p.citedBy.filter((c) => c.kind === 'question').map((c) => c.id);
		const others = p.citedBy.flatMap((c) =>
			c.kind === 'question' ? [] : [link(hrefs.citer(c), `${otherText[c.kind]}: ${c.label}`)]
		);
		const links = ids.length ? [practiseLink(ids), ...others] : others;
		return (
			`<li id="cited-${escapeHtml(p.anchor)}"><a href="#${escapeHtml(p.anchor)}">Go to passage</a>` +
			`<blockquote>${escapeHtml(quotedPassage(p.exact))}</blockquote>` +
			`<p>Cited by ${links.join(', ')}</p></li>`
		);
	});
	return `<ol class="passages">${items.join('')}</ol>` as BuiltHtml;
}
