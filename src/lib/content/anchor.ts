import type { Problem } from './problems';
import type { AnchoredCitation, Citation } from './schema';

/** Where a quotation sits in its source: code-point offsets (W3C TextPositionSelector) and UTF-16 offsets for slicing. */
export interface QuotePosition {
	start: number;
	end: number;
	unitStart: number;
	unitEnd: number;
	anchor: string;
}

/**
 * Why a quotation could not be anchored: it is not in the source (`nearest` is then the passage that
 * comes closest, if any does), or it is but its prefix/suffix pick no place or more than one.
 */
export type AnchorMiss =
	{ problem: 'not-found'; nearest?: string } | { problem: 'context' | 'ambiguous' };

export type AnchorResult =
	{ ok: true; position: QuotePosition } | ({ ok: false; reason: string } & AnchorMiss);

/**
 * A source text prepared for repeated anchoring: UTF-16 to code-point offsets in O(1), an index of
 * its 8-character pieces so locating a quotation costs about its own length rather than the
 * text's, and a memo so a quotation cited by many questions is located once.
 */
export class SourceText {
	readonly text: string;
	readonly #codePointAt: Uint32Array;
	readonly #memo = new Map<string, AnchorResult>();
	#pieces: PieceIndex | undefined;

	constructor(text: string) {
		this.text = text;
		this.#codePointAt = new Uint32Array(text.length + 1);
		let points = 0;
		for (let i = 0; i < text.length; i++) {
			this.#codePointAt[i] = points;
			const code = text.charCodeAt(i);
			const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
			if (!isHighSurrogate) points++;
		}
		this.#codePointAt[text.length] = points;
	}

	/** Code-point offset of a UTF-16 offset. */
	codePointOffset(unit: number): number {
		return this.#codePointAt[unit] ?? 0;
	}

	/** Every UTF-16 offset where `exact` occurs in the text, overlapping ones included, in order. */
	occurrences(exact: string): number[] {
		if (exact.length < PIECE) return occurrencesOf(this.text, exact);
		this.#pieces ??= new PieceIndex(this.text);
		return this.#pieces.occurrences(exact);
	}

	/** Locates a TextQuoteSelector exactly, with no normalising of quotes, dashes or spaces. */
	anchor(citation: Pick<Citation, 'exact' | 'prefix' | 'suffix'>): AnchorResult {
		const key = `${citation.prefix ?? ''}\u0000${citation.exact}\u0000${citation.suffix ?? ''}`;
		let result = this.#memo.get(key);
		if (!result) {
			result = anchorQuote(this, citation);
			this.#memo.set(key, result);
		}
		return result;
	}
}

/** Length of the pieces `PieceIndex` files a text under: the shortest quotation the schema allows. */
const PIECE = 8;

/** Bucket of the 8 UTF-16 units of `s` from `at`: a multiplicative hash, its top `bits` bits. */
function bucketOf(s: string, at: number, bits: number): number {
	let h = 0;
	for (let k = 0; k < PIECE; k++) h = Math.imul(h ^ s.charCodeAt(at + k), 0x9e3779b1);
	return (h ^ (h >>> 15)) >>> (32 - bits);
}

/**
 * Every offset of a text filed under the hash of the 8 units that start there, bucket by bucket in
 * ascending order (one counting pass, one filling pass). A quotation is looked up by its rarest
 * piece and each candidate checked against the text, so a long source is not scanned per quotation.
 */
class PieceIndex {
	readonly #text: string;
	readonly #bits: number;
	/** Bucket b's offsets are `#offsets[#starts[b]]` up to `#offsets[#starts[b + 1]]`. */
	readonly #starts: Uint32Array;
	readonly #offsets: Uint32Array;

	constructor(text: string) {
		const count = Math.max(0, text.length - PIECE + 1);
		// Two to four offsets a bucket: a table smaller than one slot a piece stays in cache while filling.
		const bits = Math.min(20, Math.max(4, Math.ceil(Math.log2(count + 1)) - 2));
		const buckets = new Uint32Array(count);
		const starts = new Uint32Array((1 << bits) + 1);
		for (let at = 0; at < count; at++) {
			const b = bucketOf(text, at, bits);
			buckets[at] = b;
			starts[b + 1]!++;
		}
		for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
		const next = starts.slice(0, -1);
		const offsets = new Uint32Array(count);
		for (let at = 0; at < count; at++) offsets[next[buckets[at]!]!++] = at;
		this.#text = text;
		this.#bits = bits;
		this.#starts = starts;
		this.#offsets = offsets;
	}

	/** Offsets where `exact` (at least 8 units long) occurs, in order, as repeated `indexOf` finds them. */
	occurrences(exact: string): number[] {
		// The rarest piece of the quotation has the fewest candidates to check (stop at one or none).
		let best = { from: 0, to: Infinity, shift: 0 };
		for (let shift = 0; shift + PIECE <= exact.length && best.to - best.from > 1; shift++) {
			const b = bucketOf(exact, shift, this.#bits);
			const from = this.#starts[b]!;
			const to = this.#starts[b + 1]!;
			if (to - from < best.to - best.from) best = { from, to, shift };
		}
		const found: number[] = [];
		for (let i = best.from; i < best.to; i++) {
			const at = this.#offsets[i]! - best.shift;
			if (at >= 0 && this.#text.startsWith(exact, at)) found.push(at);
		}
		return found;
	}
}

/** Each source's text by source id, ready for anchoring. */
export type SourceTexts = ReadonlyMap<string, SourceText>;

/** What anchoring adds to a citation: its offsets and anchor id. */
type Anchor = Omit<AnchoredCitation, keyof Citation>;

/** Citations anchored in their sources, and what stopped the others (paths inside the list). */
export interface AnchoredCitations<C extends Citation = Citation> {
	citations: (C & Anchor)[];
	problems: Problem[];
}

/**
 * Anchors every citation in its source's text, keeping any other fields it has (a reading's note).
 * One that cannot be anchored is left out and reported at its place in the list (`[1, 'exact']`),
 * numbered from 1 as authors count and called by `noun` ("citation 2", "reading 2").
 */
export function anchorCitations<C extends Citation>(
	citations: readonly C[],
	texts: SourceTexts,
	noun = 'citation'
): AnchoredCitations<C> {
	const anchored: (C & Anchor)[] = [];
	const problems: Problem[] = [];
	citations.forEach((c, j) => {
		const source = texts.get(c.source);
		if (!source) {
			const known = [...texts.keys()].join(', ');
			const message = `${noun} ${j + 1}: unknown source "${c.source}" (known: ${known})`;
			problems.push({ path: [j, 'source'], message });
			return;
		}
		const result = source.anchor(c);
		if (!result.ok) {
			const message = `${noun} ${j + 1} (source ${c.source}): ${result.reason}`;
			problems.push({ path: [j, 'exact'], message });
			return;
		}
		const { start, end, anchor } = result.position;
		anchored.push({ ...c, start, end, anchor });
	});
	return { citations: anchored, problems };
}

function occurrencesOf(text: string, exact: string): number[] {
	// An empty quotation is nowhere (it would otherwise be "found" at every offset, for ever).
	const found: number[] = [];
	if (!exact) return found;
	for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
	return found;
}

function anchorQuote(
	source: SourceText,
	{ exact, prefix, suffix }: Pick<Citation, 'exact' | 'prefix' | 'suffix'>
): AnchorResult {
	const { text } = source;
	const all = source.occurrences(exact);
	if (all.length === 0) {
		const { description, nearest } = nearMiss(text, exact);
		return { ok: false, problem: 'not-found', reason: `quote not found (${description})`, nearest };
	}

	const fits = all.filter(
		(at) =>
			(prefix === undefined || text.slice(Math.max(0, at - prefix.length), at) === prefix) &&
			(suffix === undefined || text.startsWith(suffix, at + exact.length))
	);
	const where = (list: number[]) => list.map((at) => source.codePointOffset(at)).join(', ');
	if (fits.length === 0)
		return {
			ok: false,
			problem: 'context',
			reason: `the quote occurs at offset ${where(all)} but the prefix/suffix match none of those places`
		};
	if (fits.length > 1)
		return {
			ok: false,
			problem: 'ambiguous',
			reason: `the quote occurs ${fits.length} times (offsets ${where(fits)}); add a prefix or suffix that picks one`
		};

	const unitStart = fits[0]!;
	const unitEnd = unitStart + exact.length;
	const start = source.codePointOffset(unitStart);
	const end = source.codePointOffset(unitEnd);
	return { ok: true, position: { start, end, unitStart, unitEnd, anchor: `p${start}-${end}` } };
}

/** A TextQuoteSelector without its source: what `SourceText.anchor` locates. */
export type QuoteSelector = Pick<Citation, 'exact' | 'prefix' | 'suffix'>;

/**
 * The shortest selector that anchors to exactly this span of `text` (code-point offsets): the bare
 * quote if it occurs once, else with the shortest prefix or suffix that picks it (prefix on a tie).
 */
export function selectorFor(text: string, start: number, end: number): QuoteSelector {
	if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end))
		throw new RangeError(`no passage from code point ${start} to ${end}`);
	const from = unitOffset(text, start);
	const to = unitOffset(text, end);
	const exact = text.slice(from, to);
	const others = occurrencesOf(text, exact).filter((at) => at !== from);
	if (!others.length) return { exact };

	const before = others.map((at) => sameBefore(text, at, from));
	const after = others.map((at) => sameAfter(text, at + exact.length, to));
	const prefixOf = (n: number) => text.slice(wholePoints(text, from - n, -1), from);
	const suffixOf = (n: number) => text.slice(to, wholePoints(text, to + n, 1));
	const needed = (common: number[]) => common.reduce((most, n) => Math.max(most, n + 1), 0);

	const prefix = needed(before) <= from ? prefixOf(needed(before)) : undefined;
	const suffix = needed(after) <= text.length - to ? suffixOf(needed(after)) : undefined;
	const points = (s: string) => Array.from(s).length;
	if (prefix !== undefined && (suffix === undefined || points(prefix) <= points(suffix)))
		return { exact, prefix };
	if (suffix !== undefined) return { exact, suffix };

	// Neither side alone tells this occurrence apart (a text like "abab…"): all the text before it
	// rules out the occurrences after it, a suffix the rest; then trim the prefix to what is left.
	const suffixLength = needed(after.filter((_, i) => before[i]! >= from));
	const left = before.filter((_, i) => after[i]! >= suffixLength);
	return { exact, prefix: prefixOf(needed(left)), suffix: suffixOf(suffixLength) };
}

/** UTF-16 offset of a code-point offset, counting code points as `SourceText` does. */
function unitOffset(text: string, point: number): number {
	let unit = 0;
	for (let p = 0; p < point; p++) {
		if (unit >= text.length)
			throw new RangeError(`code point ${point} is past the end of the text`);
		unit += isPairAt(text, unit) ? 2 : 1;
	}
	return unit;
}

const isPairAt = (text: string, unit: number) => {
	const code = text.charCodeAt(unit);
	return code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length;
};

/** Moves a slice boundary one unit outward (`step` -1: left) if it would split a surrogate pair. */
function wholePoints(text: string, unit: number, step: 1 | -1): number {
	const inside = unit > 0 && unit < text.length && isPairAt(text, unit - 1);
	return step === -1 ? unit - (inside ? 1 : 0) : unit + (inside ? 1 : 0);
}

/** How many characters before `a` and before `b` are the same, read backwards. */
function sameBefore(text: string, a: number, b: number): number {
	let n = 0;
	while (n < a && n < b && text[a - 1 - n] === text[b - 1 - n]) n++;
	return n;
}

/** How many characters from `a` and from `b` are the same. */
function sameAfter(text: string, a: number, b: number): number {
	let n = 0;
	while (a + n < text.length && b + n < text.length && text[a + n] === text[b + n]) n++;
	return n;
}

/** Characters authors "tidy" by accident, each folded to one plain character of the same length. */
const FOLDS: Record<string, string> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201c': '"',
	'\u201d': '"',
	'\u2013': '-',
	'\u2014': '-',
	'\u00a0': ' '
};
/** Straightens curly quotes and dashes and turns no-break spaces into spaces, keeping every length. */
export const straightenQuotesAndDashes = (s: string) =>
	s.replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]/g, (c) => FOLDS[c]!);
const fold = straightenQuotesAndDashes;

const show = (s: string) => JSON.stringify(s);

/** Explains why a quotation was not found: the nearest passage and the first character where they part. */
export function describeNearMiss(text: string, exact: string): string {
	return nearMiss(text, exact).description;
}

/**
 * The passage of `text` nearest to a quotation that is not in it (as long as the quotation, or up to
 * the end of the text), and how the two differ; no passage when none shares 8 characters with it.
 */
function nearMiss(text: string, exact: string): { description: string; nearest?: string } {
	const folded = fold(text).indexOf(fold(exact));
	if (folded !== -1) {
		const passage = text.slice(folded, folded + exact.length);
		const i = [...exact].findIndex((c, k) => c !== passage[k]);
		return {
			description: `it matches at offset ${folded} only if quotes and dashes are straightened: the source has ${show(passage[i] ?? '')} where the quote has ${show(exact[i] ?? '')}`,
			nearest: passage
		};
	}

	const head = longestFound(exact.length, (n) => text.indexOf(exact.slice(0, n)));
	const tail = longestFound(exact.length, (n) => text.indexOf(exact.slice(exact.length - n)));
	if (Math.max(head.length, tail.length) < 8)
		return { description: 'no passage of the source comes close' };

	if (head.length >= tail.length) {
		const sourceAt = head.at + head.length;
		return {
			description: `closest match at offset ${head.at} parts after ${head.length} characters: the source has ${show(text.slice(sourceAt, sourceAt + 16))} where the quote has ${show(exact.slice(head.length, head.length + 16))}`,
			nearest: text.slice(head.at, wholePoints(text, head.at + exact.length, 1))
		};
	}
	const quoteEnd = exact.length - tail.length;
	const end = tail.at + tail.length;
	return {
		description: `closest match ends at offset ${end}; the last ${tail.length} characters match, but before them the source has ${show(text.slice(Math.max(0, tail.at - 16), tail.at))} where the quote has ${show(exact.slice(Math.max(0, quoteEnd - 16), quoteEnd))}`,
		nearest: text.slice(wholePoints(text, Math.max(0, end - exact.length), -1), end)
	};
}

/** Longest n in [0, max] with find(n) !== -1, by binary search (a shorter piece is found whenever a longer one is). */
function longestFound(max: number, find: (n: number) => number): { length: number; at: number } {
	let lo = 0;
	let hi = max;
	let at = 0;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		const found = find(mid);
		if (found === -1) hi = mid - 1;
		else {
			lo = mid;
			at = found;
		}
	}
	return { length: lo, at };
}
