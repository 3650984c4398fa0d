// HTML for the LMS fields that hold HTML (Moodle XML, Canvas QTI 1.2, GIFT's `[html]` texts).
// The HTML written here is also well-formed XML, and the XML writer escapes it once more where it
// goes into an XML text node.

/** A character that HTML would read as markup, or a line break. */
const NEEDS_ESCAPING = /[&<>"\r\n]/;

/** Plain text as HTML that displays it unchanged, line breaks included. */
export function htmlOfText(text: string): string {
	// Most texts hold none of these: one scan instead of five replacements.
	if (!NEEDS_ESCAPING.test(text)) return text;
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replace(/\r\n?|\n/g, '<br />');
}

/** One HTML paragraph per plain-text line. */
export function htmlParagraphs(lines: readonly string[]): string {
	return lines.map((line) => `<p>${htmlOfText(line)}</p>`).join('');
}
