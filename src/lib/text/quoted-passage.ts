// How a cited passage is shown: in exactly one pair of quotation marks, on the site and in every
// export. A passage copied character for character from a source may carry its own marks (the
// source was quoting someone), so wrapping every passage in “…” doubled them (““Hundreds…””). The
// stored quote never changes: only the marks shown around it are decided here.

type Family = 'double' | 'single';
interface Mark {
	family: Family;
	role: 'open' | 'close';
}

const OPENERS: Record<string, string> = { '”': '“', '’': '‘', '"': '"', "'": "'" };
const CLOSERS: Record<string, string> = { '“': '”', '‘': '’', '"': '"', "'": "'" };
const LETTER = /[\p{L}\p{N}]/u;
/** Every quotation mark (and the apostrophes that look like one). */
const MARKS = '“”‘’"\'';
/** Each of MARKS wherever it stands in a text. */
const ANY_MARK = new RegExp(`[${MARKS}]`, 'g');
/** Before a straight mark, these make it an opening one: "…" at the start of a word or an aside. */
const BEFORE_OPENING = /[\s([{\u2014\u2013/-]/u;

/** The quotation mark at `i`, with its family and whether it opens or closes; undefined for any other character or an apostrophe. */
function markAt(text: string, i: number): Mark | undefined {
	const c = text[i]!;
	if (!MARKS.includes(c)) return undefined;
	const before = i > 0 ? text[i - 1]! : '';
	const after = i + 1 < text.length ? text[i + 1]! : '';
	const between = LETTER.test(before) && LETTER.test(after);
	switch (c) {
		case '“':
			return { family: 'double', role: 'open' };
		case '”':
			return { family: 'double', role: 'close' };
		case '‘':
			return { family: 'single', role: 'open' };
		case '’':
			return between ? undefined : { family: 'single', role: 'close' };
		case '"':
		case "'":
			if (c === "'" && between) return undefined;
			return {
				family: c === '"' ? 'double' : 'single',
				role: before === '' || BEFORE_OPENING.test(before) ? 'open' : 'close'
			};
		default:
			return undefined;
	}
}

/**
 * Where the quotation opened by the passage's first character closes: 'end' when its closing mark
 * is the last character, 'inside' when it closes earlier, 'never' when it runs past the passage.
 * Read backwards (`fromEnd`), the same for the quotation closed by the last character.
 */
function quotationReach(text: string, fromEnd: boolean): 'end' | 'inside' | 'never' {
	const edge = fromEnd ? text.length - 1 : 0;
	const farEdge = fromEnd ? 0 : text.length - 1;
	const family = markAt(text, edge)!.family;
	const opens: Mark['role'] = fromEnd ? 'close' : 'open';
	// Only the marks can open or close anything: found at once, not by reading every character (a
	// pack of 10,000 questions quotes a passage in each one).
	const marks = Array.from(text.matchAll(ANY_MARK), (m) => m.index);
	if (fromEnd) marks.reverse();
	let depth = 0;
	for (const i of marks) {
		const mark = markAt(text, i);
		if (mark?.family !== family) continue;
		depth += mark.role === opens ? 1 : -1;
		if (depth === 0) return i === farEdge ? 'end' : 'inside';
	}
	return 'never';
}

/** A narrow no-break space: set between two quotation marks that meet, so each reads as its own (‘ "…). */
const BETWEEN_MARKS = '\u202F';
const isMark = (c: string | undefined) => !!c && MARKS.includes(c);

/** The passage between an opening and a closing mark, a narrow space keeping each apart from a mark of the passage's own. */
function enclose(open: string, exact: string, close: string): string {
	const left = open && isMark(exact[0]) ? open + BETWEEN_MARKS : open;
	const right = close && isMark(exact.at(-1)) ? BETWEEN_MARKS + close : close;
	return left + exact + right;
}

/**
 * A cited passage as a reader sees it, in exactly one pair of quotation marks:
 * - a passage wrapped in its own pair (“…”, "…", ‘…’) is shown as it is;
 * - one that opens a quotation it does not close (the source's quotation runs on) keeps its opening
 *   mark and gets the matching closing one; one that closes a quotation opened before it gets the
 *   matching opening mark;
 * - any other passage gets a pair: double (“…”), or single (‘…’) when it begins or ends with a
 *   double mark of its own, as a quotation inside a quotation.
 * Where a mark added here meets one of the passage's own, a narrow no-break space stands between
 * them, so no two marks ever stand side by side.
 */
export function quotedPassage(exact: string): string {
	if (!exact) return '“”';
	const first = markAt(exact, 0);
	const last = markAt(exact, exact.length - 1);
	if (first?.role === 'open') {
		const reach = quotationReach(exact, false);
		if (reach === 'end') return exact;
		if (reach === 'never') return enclose('', exact, CLOSERS[exact[0]!]!);
	}
	if (last?.role === 'close' && quotationReach(exact, true) === 'never')
		return enclose(OPENERS[exact.at(-1)!]!, exact, '');
	const double = first?.family === 'double' || last?.family === 'double';
	return double ? enclose('‘', exact, '’') : enclose('“', exact, '”');
}
