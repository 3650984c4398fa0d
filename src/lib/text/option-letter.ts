/** The letter that labels an option on paper and in the text exports: 0 → A, 1 → B, … */
export function optionLetter(index: number): string {
	return String.fromCharCode('A'.charCodeAt(0) + index);
}
