/** Byte-order mark, so spreadsheet programs read the file as UTF-8 (curly quotes intact). */
export const BOM = '\uFEFF';

/** Whether a spreadsheet would run this text as a formula (it starts with = + - @, tab or CR). */
export function looksLikeFormula(text: string): boolean {
	return /^[=+\-@\t\r]/.test(text);
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * A text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
 */
export function csvField(value: string | number | boolean): string {
	let text = String(value);
	if (typeof value === 'string' && looksLikeFormula(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, CRLF line endings, every row the same width as the header. */
export function csvDocument(
	header: readonly string[],
	rows: readonly (readonly (string | number | boolean)[])[]
): string {
	const line = (cells: readonly (string | number | boolean)[]) => cells.map(csvField).join(',');
	return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}
