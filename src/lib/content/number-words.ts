const WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen',
	'twenty'
];

/** A count as running text writes it: "five" up to twenty, digits beyond ("21"). */
export function numberWord(n: number): string {
	return WORDS[n] ?? n.toLocaleString('en');
}
