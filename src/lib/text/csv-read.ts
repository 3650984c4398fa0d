import { BOM, looksLikeFormula } from './csv';

/** A CSV file read into rows of fields, or where it stops making sense. */
export type CsvRead =
	| { ok: true; rows: { line: number; fields: string[] }[] }
	| { ok: false; line: number; problem: string };

/**
 * Reads CSV as RFC 4180 writes it (and as `csvDocument` does): fields split by commas, quoted fields
 * may hold commas, doubled quotes and line breaks; CRLF or LF line ends; a leading BOM is dropped.
 * Each row carries the line it starts on, so a problem can name its place.
 */
export function parseCsv(text: string): CsvRead {
	const rows: { line: number; fields: string[] }[] = [];
	// An unquoted field runs to the next comma or line end; slices, not characters, keep it fast.
	const plain = /[^,\r\n"]*/y;
	let i = text.startsWith(BOM) ? 1 : 0;
	let line = 1;
	while (i < text.length) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text.charCodeAt(i) === QUOTE) {
				i++;
				for (;;) {
					const close = text.indexOf('"', i);
					if (close < 0)
						return { ok: false, line: start, problem: 'a quoted field is never closed' };
					const chunk = text.slice(i, close);
					field += chunk;
					line += countLineFeeds(chunk);
					if (text.charCodeAt(close + 1) === QUOTE) {
						field += '"';
						i = close + 2;
						continue;
					}
					i = close + 1;
					break;
				}
				if (i < text.length && !',\r\n'.includes(text[i]!))
					return { ok: false, line, problem: 'text after a quoted field’s closing quote' };
			} else {
				plain.lastIndex = i;
				field = plain.exec(text)![0];
				i += field.length;
				if (text.charCodeAt(i) === QUOTE)
					return { ok: false, line, problem: 'a quote inside a field that is not quoted' };
			}
			fields.push(field);
			if (text[i] === ',') {
				i++;
				continue;
			}
			break;
		}
		if (text[i] === '\r') i++;
		if (text[i] === '\n') i++;
		line++;
		rows.push({ line: start, fields });
	}
	return { ok: true, rows };
}

const QUOTE = 34;

function countLineFeeds(text: string): number {
	let n = 0;
	for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
	return n;
}

/** A text field as it was before `csvField` defused it: the apostrophe before a formula taken off. */
export function unguardedText(field: string): string {
	return field.startsWith("'") && looksLikeFormula(field.slice(1)) ? field.slice(1) : field;
}
