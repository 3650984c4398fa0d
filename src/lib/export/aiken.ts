import { questionParagraphs } from '../content/question-text';
import type { Question } from '../content/schema';
import { oneLine } from '../text/one-line';
import { optionLetter } from '../text/option-letter';
import type { ConversionNote, Exporter } from './types';

/** One question in Aiken's shape: the prompt, the options in order, the index of the right one. */
interface AikenQuestion {
	prompt: string;
	options: string[];
	answer: number;
}

/** A question Aiken can carry, with what it lost on the way, or the reason it was left out. */
type AikenOutcome = { exported: AikenQuestion; lost: string } | { leftOut: string };

const ONLY_SINGLE_ANSWER = 'Aiken carries only single-answer multiple choice';
const KIND_NAMES = {
	multiple: 'multiple-answer',
	ordering: 'ordering',
	matching: 'matching',
	essay: 'written-argument (essay)'
};
const NO_FEEDBACK = 'Aiken has no place for feedback';

/**
 * First lines that Moodle's Aiken importer would misread: it takes a line starting with a capital
 * letter and `.` or `)` as an option (the space after it is optional), and `ANSWER:` as the key.
 */
const MISREAD_AS_OPTION = /^[A-Z][.)]/;
const MISREAD_AS_ANSWER = /^ANSWER:/;

/**
 * A character a line of an Aiken file cannot carry: a control character other than tab and the
 * line breaks (which become spaces), U+FFFE, U+FFFF, or half of a surrogate pair.
 */
const NOT_CARRIED = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/u;

/** What PHP's trim() takes off both ends of a line: spaces, tabs, line breaks, NUL and vertical tabs. */
const PHP_TRIMMED = new Set([' ', '\t', '\n', '\r', '\u0000', '\u000B']);

/** A line as Moodle's Aiken importer reads it, trimmed by PHP's trim(). */
function moodleTrimmed(line: string): string {
	let start = 0;
	let end = line.length;
	while (start < end && PHP_TRIMMED.has(line[start]!)) start++;
	while (end > start && PHP_TRIMMED.has(line[end - 1]!)) end--;
	return line.slice(start, end);
}

const codePoint = (c: string) =>
	`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function hasLineBreak(text: string): boolean {
	return /[\r\n]/.test(text);
}

/** "1 citation" or "3 citations". */
function citationCount(question: Question): string {
	const n = question.citations.length;
	return `${n} ${n === 1 ? 'citation' : 'citations'}`;
}

/** Why Aiken cannot carry one of these texts, if it cannot: a character that has no place in a line of plain text. */
function uncarriedCharacter(texts: readonly string[]): string | null {
	for (const text of texts) {
		const found = NOT_CARRIED.exec(text);
		if (found)
			return `left out: its text holds ${codePoint(found[0])}, a character a line of plain text cannot carry, and a file holding it can make Moodle's Aiken import fail`;
	}
	return null;
}

/** Why Moodle would misread this prompt (once trimmed, as its importer does) as something other than a question's first line, if it would. */
function misreadPrompt(line: string): string | null {
	const prompt = moodleTrimmed(line);
	if (prompt.length < 2)
		return "left out: its prompt is shorter than two characters, and Moodle's Aiken importer skips such lines";
	if (MISREAD_AS_OPTION.test(prompt))
		return `left out: its prompt begins with "${prompt.slice(0, 2)}", which Moodle's Aiken importer would read as an answer option`;
	if (MISREAD_AS_ANSWER.test(prompt))
		return 'left out: its prompt begins with "ANSWER:", which Moodle\'s Aiken importer would read as the answer key';
	return null;
}

/** How one question fares in Aiken: single answer as is, true/false as A. True / B. False, the rest left out. */
function aikenOutcomeOf(question: Question): AikenOutcome {
	if (question.kind !== 'single' && question.kind !== 'true-false')
		return { leftOut: `${KIND_NAMES[question.kind]} question left out: ${ONLY_SINGLE_ANSWER}` };

	// Aiken holds the question on one line: the hypothetical case, marked, then the prompt.
	const paragraphs = questionParagraphs(question);
	const optionTexts = question.kind === 'single' ? question.options.map((o) => o.text) : [];
	const uncarried = uncarriedCharacter([...paragraphs, ...optionTexts]);
	if (uncarried) return { leftOut: uncarried };
	const prompt = moodleTrimmed(oneLine(paragraphs.join(' ')));
	const misread = misreadPrompt(prompt);
	if (misread) return { leftOut: misread };
	const blank = optionTexts.findIndex((text) => moodleTrimmed(oneLine(text)) === '');
	if (blank >= 0)
		return {
			leftOut: `left out: option ${optionLetter(blank)} is blank, and Moodle's Aiken importer would read its line as the start of a new question`
		};

	const lost: string[] = [];
	let exported: AikenQuestion;
	if (question.kind === 'single') {
		exported = {
			prompt,
			options: optionTexts.map((text) => moodleTrimmed(oneLine(text))),
			answer: question.options.findIndex((o) => o.correct)
		};
		lost.push(
			`exported without its explanation, its per-option feedback and its ${citationCount(question)}: ${NO_FEEDBACK}`
		);
	} else {
		exported = { prompt, options: ['True', 'False'], answer: question.answer ? 0 : 1 };
		lost.push(
			'true/false exported as a two-option multiple choice (A. True, B. False)',
			`its explanation, its feedback for each answer and its ${citationCount(question)} are not carried: ${NO_FEEDBACK}`
		);
	}
	if (paragraphs.length > 1)
		lost.push(
			'its hypothetical case and its prompt share one line, since Aiken holds the question on one line'
		);
	if ([...paragraphs, ...optionTexts].some(hasLineBreak))
		lost.push('line breaks in its text became spaces, since Aiken holds each text on one line');
	return { exported, lost: lost.join('; ') };
}

/** One question in Moodle's Aiken format: the prompt, `A. option` lines, then `ANSWER: X`. */
function renderAikenQuestion(question: AikenQuestion): string {
	return [
		question.prompt,
		...question.options.map((text, i) => `${optionLetter(i)}. ${text}`),
		`ANSWER: ${optionLetter(question.answer)}`
	].join('\n');
}

/** Moodle's Aiken format: single-answer and true/false questions only, every loss or omission noted. */
export const aiken: Exporter = {
	label: 'Aiken',
	extension: 'aiken.txt',
	mime: 'text/plain; charset=utf-8',
	description:
		'Moodle’s Aiken text format (Question bank → Import → Aiken): single-answer and true/false questions only, without feedback or sources.',
	render(pack) {
		const blocks: string[] = [];
		const notes: ConversionNote[] = [];
		for (const question of pack.questions) {
			const outcome = aikenOutcomeOf(question);
			if ('leftOut' in outcome) {
				notes.push({ questionId: question.id, action: 'omitted', note: outcome.leftOut });
			} else {
				blocks.push(renderAikenQuestion(outcome.exported));
				notes.push({ questionId: question.id, action: 'converted', note: outcome.lost });
			}
		}
		const text = blocks.length ? `${blocks.join('\n\n')}\n` : '';
		return { data: text, notes };
	}
};
