import {
	selectorFor,
	straightenQuotesAndDashes,
	type AnchorMiss,
	type QuotePosition,
	type QuoteSelector,
	type SourceText,
	type SourceTexts
} from './anchor';
import { formatPath } from './problems';
import { citationSchema, type Citation } from './schema';

// Making citations in the browser: from a passage an instructor selects or finds in a source's text,
// and checking one typed by hand. The quote is always sliced from the source's text, so it is verbatim
// by construction, and every citation is anchored with the build's own code before it is offered.
// Offsets called `unit…` are UTF-16 code units (what the DOM and String#slice count); `start`/`end`
// in a QuotePosition are code points (what the build records).

/** A citation may quote one paragraph (one line of the source's text), at most this long. */
const MIN_QUOTE = 8;
const MAX_QUOTE = 1200;
const MAX_CONTEXT = 200;

/** One paragraph of a source: a non-blank line, with where it starts and ends (UTF-16 units). */
export interface SourceParagraph {
	unitStart: number;
	unitEnd: number;
	text: string;
}

/** The source's paragraphs (its non-blank lines) as the reader shows them, each with its offsets. */
export function sourceParagraphs(text: string): SourceParagraph[] {
	const paragraphs: SourceParagraph[] = [];
	let unitStart = 0;
	for (const line of text.split('\n')) {
		const unitEnd = unitStart + line.length;
		if (line.trim() !== '') paragraphs.push({ unitStart, unitEnd, text: line });
		unitStart = unitEnd + 1;
	}
	return paragraphs;
}

/** A citation made from a passage of a source, or why none could be. */
export type CitedPassage =
	| {
			ok: true;
			citation: Citation;
			position: QuotePosition;
			/** How many times the quote occurs in the source (more than 1: a prefix or suffix picks this one). */
			occurrences: number;
			/** The selection started or ended inside a word and was widened to whole words. */
			widened: boolean;
			/** The selection ran on past the end of its paragraph and was cut there. */
			clipped: boolean;
	  }
	| { ok: false; reason: string };

/**
 * The citation for the passage between two UTF-16 offsets of a source's text (a DOM selection, in
 * either order). Whitespace at either end is dropped; a selection that starts or ends inside a word
 * is widened to whole words; one that runs into the next paragraph is cut at the end of its first
 * paragraph (a citation quotes one paragraph, as every quote in the bank does, so it reads as one
 * line in feedback and exports). Where the passage occurs more than once, the citation carries the
 * shortest whole-word prefix or suffix that picks it.
 */
export function citeSelection(
	sourceId: string,
	source: SourceText,
	unitFrom: number,
	unitTo: number
): CitedPassage {
	const { text } = source;
	const clamp = (n: number) => Math.min(text.length, Math.max(0, Math.trunc(n) || 0));
	let start = clamp(Math.min(unitFrom, unitTo));
	let end = clamp(Math.max(unitFrom, unitTo));
	// Never start or end between the two halves of a surrogate pair.
	if (isLowSurrogateAt(text, start)) start--;
	if (isLowSurrogateAt(text, end)) end++;

	[start, end] = trimmed(text, start, end);
	if (start >= end)
		return { ok: false, reason: 'Nothing is selected: select a passage of the text.' };
	const lineEnd = text.indexOf('\n', start);
	const clipped = lineEnd !== -1 && lineEnd < end;
	if (clipped) [start, end] = trimmed(text, start, lineEnd);
	const [wideStart, wideEnd] = [wordStart(text, start), wordEnd(text, end)];
	const widened = wideStart !== start || wideEnd !== end;
	[start, end] = [wideStart, wideEnd];

	const length = end - start;
	if (length < MIN_QUOTE)
		return {
			ok: false,
			reason: `A citation must quote at least ${MIN_QUOTE} characters; “${text.slice(start, end)}” has ${length}. Select a longer passage.`
		};
	if (length > MAX_QUOTE)
		return {
			ok: false,
			reason: `A citation may quote at most ${MAX_QUOTE.toLocaleString('en')} characters; this passage has ${length.toLocaleString('en')}. Select a shorter passage.`
		};

	const selector = selectorFor(text, source.codePointOffset(start), source.codePointOffset(end));
	const occurrences = countOccurrences(text, selector.exact);
	// Whole-word context reads better in YAML and stays unique (a longer context picks no more places);
	// the shortest context is kept if widening it would pass the schema's limit.
	const shortest = withoutEmptyContext(selector);
	for (const candidate of [wholeWordContext(text, shortest, start, end), shortest]) {
		if ((candidate.prefix?.length ?? 0) > MAX_CONTEXT) continue;
		if ((candidate.suffix?.length ?? 0) > MAX_CONTEXT) continue;
		const result = source.anchor(candidate);
		if (!result.ok || result.position.unitStart !== start) continue;
		const citation: Citation = { source: sourceId, ...candidate };
		return { ok: true, citation, position: result.position, occurrences, widened, clipped };
	}
	return {
		ok: false,
		reason: `This passage occurs ${occurrences} times in the source and no context of up to ${MAX_CONTEXT} characters tells this one apart. Select a longer passage.`
	};
}

/** One place a search found in a source's text, with some words either side (… where cut). */
export interface PassageMatch {
	unitStart: number;
	unitEnd: number;
	/** Words before the match in its paragraph, starting with "…" if the paragraph goes on before them. */
	before: string;
	/** The source's own text at the match. */
	passage: string;
	/** Words after the match in its paragraph, ending with "…" if the paragraph goes on after them. */
	after: string;
}

const CONTEXT_CHARS = 50;

/**
 * Every place `query` occurs in `text`, ignoring case and the difference between curly and straight
 * quotes, dashes and no-break spaces (so `don't` finds `don’t`); matches do not overlap. The passage
 * returned is always the source's own text.
 */
export function findPassages(text: string, query: string): PassageMatch[] {
	const needle = searchForm(query.trim());
	if (!needle) return [];
	const haystack = searchForm(text);
	const matches: PassageMatch[] = [];
	for (
		let at = haystack.indexOf(needle);
		at !== -1;
		at = haystack.indexOf(needle, at + needle.length)
	) {
		const unitEnd = at + needle.length;
		const lineStart = text.lastIndexOf('\n', at - 1) + 1;
		const nextLine = text.indexOf('\n', unitEnd);
		const lineEnd = nextLine === -1 ? text.length : nextLine;
		matches.push({
			unitStart: at,
			unitEnd,
			before: contextBefore(text, lineStart, at),
			passage: text.slice(at, unitEnd),
			after: contextAfter(text, unitEnd, lineEnd)
		});
	}
	return matches;
}

/** What checking a typed or pasted citation found: where it anchors, or the build's message. */
export type CitationCheck =
	| { ok: true; citation: Citation; position: QuotePosition }
	| {
			ok: false;
			problem: 'schema' | 'unknown-source' | AnchorMiss['problem'];
			/** What `npm run build` would say about this citation. */
			message: string;
			/** The passage of the source nearest to a quote that is not in it, when one comes close. */
			nearest?: string;
	  };

/**
 * Checks a citation typed by hand exactly as the build does: the citation schema (lengths, plain
 * text), then anchoring in its source's text with no normalising. Spaces and line breaks at either
 * end of the quote are dropped first, since a pasted quote often carries them.
 */
export function checkCitation(citation: Citation, texts: SourceTexts): CitationCheck {
	const candidate = { ...citation, exact: citation.exact.trim() };
	const parsed = citationSchema.safeParse(candidate);
	if (!parsed.success) {
		const message = parsed.error.issues
			.map((issue) => `${issue.path.length ? `${formatPath(issue.path)}: ` : ''}${issue.message}`)
			.join('; ');
		return { ok: false, problem: 'schema', message };
	}
	const source = texts.get(candidate.source);
	if (!source) {
		const known = [...texts.keys()].join(', ');
		return {
			ok: false,
			problem: 'unknown-source',
			message: `unknown source "${candidate.source}" (known: ${known})`
		};
	}
	const result = source.anchor(parsed.data);
	if (result.ok) return { ok: true, citation: parsed.data, position: result.position };
	const { ok: _ok, reason, ...miss } = result;
	return { ...miss, ok: false, message: reason };
}

/** The form text is searched in: lower case and straightened, each character keeping its length. */
function searchForm(s: string): string {
	let out = '';
	for (const c of straightenQuotesAndDashes(s)) {
		const lower = c.toLowerCase();
		out += lower.length === c.length ? lower : c;
	}
	return out;
}

function contextBefore(text: string, lineStart: number, at: number): string {
	if (at - lineStart <= CONTEXT_CHARS) return text.slice(lineStart, at);
	let from = at - CONTEXT_CHARS;
	while (from < at && !/\s/.test(text[from - 1]!)) from++;
	return `…${text.slice(from, at)}`;
}

function contextAfter(text: string, end: number, lineEnd: number): string {
	if (lineEnd - end <= CONTEXT_CHARS) return text.slice(end, lineEnd);
	let to = end + CONTEXT_CHARS;
	while (to > end && !/\s/.test(text[to]!)) to--;
	return `${text.slice(end, to)}…`;
}

function countOccurrences(text: string, exact: string): number {
	let n = 0;
	for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) n++;
	return n;
}

const isLowSurrogateAt = (text: string, unit: number) => {
	const code = text.charCodeAt(unit);
	return unit > 0 && code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(unit - 1));
};
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The span without whitespace (spaces, tabs, line breaks) at either end. */
function trimmed(text: string, start: number, end: number): [number, number] {
	while (start < end && /\s/.test(text[start]!)) start++;
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	return [start, end];
}

const LETTER = /^[\p{L}\p{N}\p{M}]$/u;

/** The character (a whole code point) that starts at `unit`, or "" at the end. */
function pointAt(text: string, unit: number): string {
	const code = text.codePointAt(unit);
	return code === undefined ? '' : String.fromCodePoint(code);
}

/** The character (a whole code point) that ends at `unit`, or "" at the start. */
function pointBefore(text: string, unit: number): string {
	if (unit <= 0) return '';
	return isLowSurrogateAt(text, unit - 1) ? text.slice(unit - 2, unit) : text.slice(unit - 1, unit);
}

/** Whether the character at `unit` belongs to a word: a letter or digit, or an apostrophe between two. */
function isWordAt(text: string, unit: number): boolean {
	const c = pointAt(text, unit);
	if (LETTER.test(c)) return true;
	if (c !== "'" && c !== '’') return false;
	return LETTER.test(pointBefore(text, unit)) && LETTER.test(pointAt(text, unit + 1));
}

/** Moves a start offset back to the start of the word it falls inside, if it does. */
function wordStart(text: string, start: number): number {
	while (start > 0 && isWordAt(text, start)) {
		const before = start - pointBefore(text, start).length;
		if (!isWordAt(text, before)) break;
		start = before;
	}
	return start;
}

/** Moves an end offset on to the end of the word it falls inside, if it does. */
function wordEnd(text: string, end: number): number {
	while (end < text.length && end > 0) {
		const last = end - pointBefore(text, end).length;
		if (!isWordAt(text, last) || !isWordAt(text, end)) break;
		end += pointAt(text, end).length;
	}
	return end;
}

/** The selector with its prefix and suffix (if any) widened to whole words: "Happen?\n", not "?\n". */
function wholeWordContext(
	text: string,
	selector: QuoteSelector,
	start: number,
	end: number
): QuoteSelector {
	const widened: QuoteSelector = { exact: selector.exact };
	if (selector.prefix !== undefined) {
		let from = start - selector.prefix.length;
		while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
		if (from < start) widened.prefix = text.slice(from, start);
	}
	if (selector.suffix !== undefined) {
		let to = end + selector.suffix.length;
		while (to < text.length && !/\s/.test(text[to]!)) to++;
		if (to > end) widened.suffix = text.slice(end, to);
	}
	return widened;
}

/** The selector without an empty prefix or suffix (which picks nothing and the schema refuses). */
function withoutEmptyContext({ exact, prefix, suffix }: QuoteSelector): QuoteSelector {
	return { exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}
