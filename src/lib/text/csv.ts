/** Byte-order mark, so spreadsheet programs read the file as UTF-8 (curly quotes intact). */
export const BOM = '\uFEFF';

/**
 * Whether a spreadsheet may run this text as a formula: it starts with a tab or carriage return, or
 * its first character after any white space, control characters or invisible formatting characters
 * (which some spreadsheet programs skip) is = + - or @, or a full-width one (＝ ＋ － ＠).
 */
export function looksLikeFormula(text: string): boolean {
	return /^[\t\r]|^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text);
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * A text that a spreadsheet may run as a formula (`looksLikeFormula`) gets a leading apostrophe.
 * The one guard for every CSV the site writes: pack exports and results files.
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
