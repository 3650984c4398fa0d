/** The text on one line: each line break, with the white space around it, becomes one space. */
export function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
