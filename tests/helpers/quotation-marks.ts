/**
 * Checks on how a passage is shown inside a rendered text (an export read back, a page's text),
 * written apart from the code that adds the marks: a quotation mark is any of these characters.
 */
const MARK = /["“”‘’'„«»]/;
const isMark = (c: string | undefined) => c !== undefined && MARK.test(c);

export interface PassageShowing {
	/** How often the passage occurs in the text. */
	occurrences: number;
	/** Occurrences with a quotation mark right before its first character and right after its last, its own or not. */
	quoted: number;
	/** Each occurrence where two quotation marks stand side by side at the passage's edges, with its surroundings. */
	doubled: string[];
}

/** Every occurrence of a passage in a text: whether it is shown in quotation marks, and where two marks meet at its edges. */
export function passageShowing(text: string, exact: string): PassageShowing {
	const result: PassageShowing = { occurrences: 0, quoted: 0, doubled: [] };
	for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
		result.occurrences++;
		const end = i + exact.length;
		// A narrow no-break space between two marks keeps them apart; skip it to find the mark outside.
		const outside = (at: number, step: number) =>
			text[at] === '\u202F' && isMark(text[at + step]) ? at + step : at;
		const before = outside(i - 1, -1);
		const after = outside(end, 1);
		if ((isMark(text[before]) || isMark(exact[0])) && (isMark(text[after]) || isMark(exact.at(-1))))
			result.quoted++;
		const pairs = [
			[text[i - 2], text[i - 1]],
			[text[i - 1], exact[0]],
			[exact.at(-1), text[end]],
			[text[end], text[end + 1]]
		];
		if (pairs.some(([a, b]) => isMark(a) && isMark(b)))
			result.doubled.push(text.slice(Math.max(0, i - 4), Math.min(text.length, end + 4)));
	}
	return result;
}
