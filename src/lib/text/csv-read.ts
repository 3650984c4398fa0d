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
	let i = text.startsWith(BOM) ? 1 : 0;
	let line = 1;
	while (i < text.length) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= text.length)
						return { ok: false, line: start, problem: 'a quoted field is never closed' };
					const c = text[i]!;
					if (c === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (c === '\n') line++;
					field += c;
					i++;
				}
				if (i < text.length && !',\r\n'.includes(text[i]!))
					return { ok: false, line, problem: 'text after a quoted field’s closing quote' };
			} else {
				while (i < text.length && !',\r\n'.includes(text[i]!)) {
					if (text[i] === '"')
						return { ok: false, line, problem: 'a quote inside a field that is not quoted' };
					field += text[i++];
				}
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

/** A text field as it was before `csvField` defused it: the apostrophe before a formula taken off. */
export function unguardedText(field: string): string {
	return field.startsWith("'") && looksLikeFormula(field.slice(1)) ? field.slice(1) : field;
}
