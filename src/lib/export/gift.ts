import type { Pack, Question, QuestionOf } from '../content/schema';
import { oneLine } from '../text/one-line';
import { seededRandom, shuffled } from '../quiz/random';
import {
	feedbackWithMarkingLines,
	questionPoints,
	questionTextWithGuidance
} from './feedback-text';
import { htmlOfText } from './html';
import {
	categoryPlacement,
	conversionCommentLines,
	moodleDoesNotKeepLine,
	moodleQuestionName,
	moodleTags,
	multipleResponsePercents,
	namingLine,
	packCategories,
	type PlacedQuestion
} from './moodle-bank';
import { kindConversionNotes } from './notes';
import { positionLabelWithEnds, positionPairs, type MatchPair } from './ordering-as-matching';
import type { ConversionNote, Exporter } from './types';

// Moodle GIFT, written in the strict form that both Moodle's importer and gift-pegjs accept:
// every `~ = # { } :` and backslash in a text is escaped, a line break inside a text is `\n`, and
// every question's text is `[plain]`, so Moodle shows `<`, `&` and the rest exactly as written
// (its default format would read them as HTML). Answers, feedback and general feedback inherit
// the question's format.

/** Text with GIFT's special characters escaped and line breaks written as `\n`. */
function escapeGift(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\~=#{}:]/g, '\\$&')
		.replaceAll('\n', '\\n');
}

/**
 * An answer or feedback text. One that begins with `[` gets an explicit `[plain]` first, so that
 * Moodle cannot take its start for a format marker such as `[html]`.
 */
function giftText(text: string): string {
	return (text.startsWith('[') ? '[plain]' : '') + escapeGift(text);
}

/**
 * A text that a GIFT reader could split at `->`, which GIFT cannot escape: the left-hand side of a
 * matching row (Moodle splits the row at its first `->`) and a right answer marked `=` (gift-pegjs
 * reads `=text -> text` as a matching row even where `~` answers follow). Such a text is written
 * as `[html]` with `>` as `&gt;`: nothing splits it, and Moodle still displays it as written.
 */
function arrowSafeText(text: string): string {
	return text.includes('->') ? `[html]${escapeGift(htmlOfText(text))}` : giftText(text);
}

/**
 * A category name as Moodle's `$CATEGORY:` line reads it. Moodle takes the rest of the line as it
 * is, except that it first turns `\\` into `\` and `\:` `\#` `\=` `\{` `\}` `\~` `\n` into
 * placeholders that it never turns back for categories. So nothing else is escaped here, and a
 * backslash is doubled only where it comes before one of those characters. The line must stay one
 * line, so a line break in a title becomes a space.
 */
function giftCategoryPath(path: string): string {
	return oneLine(path).replace(/\\(?=[\\:#={}~n])/g, '\\\\');
}

/** The sentence added to the text of an ordering question exported as matching, for the student. */
const orderingAsMatchingInstruction =
	'This question is set as a matching question: match each item to its place in the right order (Position 1 comes first).';

/**
 * An ordering question as matching rows, each item with "Position N", the ends named ("Position 1
 * (first)") because Moodle shuffles the choices of every drop-down. The rows are listed in an
 * order scrambled from the question id (never the right order itself), so that the file does not
 * give the answer away where Moodle is told not to shuffle.
 */
function orderingMatchRows(question: QuestionOf<'ordering'>): MatchPair[] {
	const rows = positionPairs(question, positionLabelWithEnds);
	const scrambled = shuffled(rows, seededRandom(question.id));
	const unchanged = scrambled.every((row, i) => row === rows[i]);
	return unchanged ? [...rows.slice(1), rows[0]!] : scrambled;
}

/** The rows of a matching question, or of an ordering question exported as matching. */
function matchRowsOf(question: QuestionOf<'matching'> | QuestionOf<'ordering'>): MatchPair[] {
	return question.kind === 'matching' ? question.pairs : orderingMatchRows(question);
}

/**
 * The paragraphs of a question's text: the hypothetical case and prompt, an essay's guidance, and
 * for an ordering question (GIFT has no ordering syntax) how to answer it as matching.
 */
function giftQuestionParagraphs(question: Question): string[] {
	const paragraphs = questionTextWithGuidance(question);
	return question.kind === 'ordering' ? [...paragraphs, orderingAsMatchingInstruction] : paragraphs;
}

/** A GIFT answer weight, e.g. `%-33.33333%`. */
function weight(percent: number | undefined): string {
	return `%${percent}%`;
}

/**
 * The answers inside `{ }`, one per line, then the general feedback. GIFT has no grader
 * information, so an essay's model answer and rubric go in its general feedback.
 */
function answerLines(pack: Pack, q: Question): string[] {
	const general = `####${escapeGift(feedbackWithMarkingLines(pack, q).join('\n'))}`;
	switch (q.kind) {
		case 'single':
			return [
				...q.options.map((o) => {
					if (o.correct) return `=${arrowSafeText(o.text)}#${giftText(o.feedback)}`;
					// A wrong option whose text starts with `%` gets an explicit 0% so Moodle cannot read
					// the start of the text as a weight.
					const mark = o.text.startsWith('%') ? `~${weight(0)}` : '~';
					return `${mark}${giftText(o.text)}#${giftText(o.feedback)}`;
				}),
				general
			];
		case 'multiple': {
			const percents = multipleResponsePercents(q);
			return [
				...q.options.map(
					(o) => `~${weight(percents.get(o.id))}${giftText(o.text)}#${giftText(o.feedback)}`
				),
				general
			];
		}
		case 'true-false': {
			// Moodle's importer (split_truefalse_comment) reads `{T#first#second}` as: first = feedback
			// for the wrong choice, second = feedback for the right choice, whatever the answer is.
			// So the answer "true" is written {T#ifFalse#ifTrue} and the answer "false" {F#ifTrue#ifFalse},
			// and each student sees the feedback written for the choice they made. gift-pegjs stores
			// the two as trueFeedback and falseFeedback by position only, which is right for {F} and
			// swapped for {T}; the tests read them by position, as Moodle does.
			const [wrong, right] = q.answer
				? [q.feedback.ifFalse, q.feedback.ifTrue]
				: [q.feedback.ifTrue, q.feedback.ifFalse];
			return [q.answer ? 'T' : 'F', `#${giftText(wrong)}`, `#${giftText(right)}`, general];
		}
		case 'matching':
		case 'ordering':
			return [
				...matchRowsOf(q).map((row) => `=${arrowSafeText(row.left)} -> ${escapeGift(row.right)}`),
				general
			];
		case 'essay':
			// Nothing but the general feedback between the braces: Moodle reads that as an essay.
			return [general];
	}
}

/**
 * One question: a comment with its ID number and tags (Moodle reads `[id:…]` and `[tag:…]` there)
 * and its conversion, `::name::`, its `[plain]` text and `{answers}`.
 */
function questionBlock(
	pack: Pack,
	placed: PlacedQuestion,
	note: ConversionNote | undefined
): string {
	const q = placed.question;
	const tags = moodleTags(q).map((tag) => `[tag:${tag}]`);
	const text = escapeGift(giftQuestionParagraphs(q).join('\n\n'));
	const name = moodleQuestionName(placed, pack.questions.length);
	return [
		`// ${[`[id:${q.id}]`, ...tags].join(' ')}`,
		...(note ? [`// ${q.id}: ${note.note}`] : []),
		`::${escapeGift(name)}::[plain]${text}{`,
		...answerLines(pack, q).map((line) => `\t${line}`),
		'}'
	].join('\n');
}

/** What Moodle keeps of the pack and what it does not: the export report and the file's comment say the same. */
function giftSummary(pack: Pack): string[] {
	return [
		`Moodle keeps: ${categoryPlacement(pack)}; ${namingLine(pack)}; each question's Sourced id as its ID number (from the "// [id:…]" line before it); its topic, difficulty and level as tags.`,
		`GIFT has no place for a category's description, so the pack's instructions are only in the comment at the top of the file${pack.description ? '' : ' (this pack has none)'}; and it cannot say whether to shuffle answers, so Moodle applies its own default (this pack asks for ${pack.settings.shuffleOptions ? 'shuffled' : 'fixed'} answers).`,
		moodleDoesNotKeepLine(pack)
	];
}

/** The whole file: comment lines with the report and every conversion, then the categories and their questions in pack order. */
function renderGift(pack: Pack, notes: readonly ConversionNote[], summary: string[]): string {
	const noteFor = new Map(notes.map((n) => [n.questionId, n]));
	const header = [
		`Sourced: ${pack.title}`,
		`GIFT for Moodle (Question bank > Import > "GIFT format"): ${pack.questions.length} questions.`,
		...(pack.description ? [`Instructions: ${pack.description}`] : []),
		'Each question carries its explanation and the passages it cites, with their outlets, in its general feedback.',
		...summary,
		...conversionCommentLines(notes)
	].map((line) => `// ${oneLine(line)}`);
	const blocks = packCategories(pack).flatMap((category) => [
		`$CATEGORY: ${giftCategoryPath(category.path)}`,
		...category.questions.map((placed) =>
			questionBlock(pack, placed, noteFor.get(placed.question.id))
		)
	]);
	return [header.join('\n'), ...blocks].join('\n\n') + '\n';
}

/** Moodle GIFT: plain text, a category named after the pack, ordering as matching; citations in the general feedback. */
export const gift: Exporter = {
	label: 'GIFT',
	extension: 'gift.txt',
	mime: 'text/plain;charset=utf-8',
	description:
		'For Moodle: Question bank → Import → "GIFT format"; plain text, a category named after the pack, questions in pack order, with feedback and cited passages.',
	render(pack) {
		const notes = kindConversionNotes(pack.questions, {
			ordering: () =>
				'ordering exported as matching (item → "Position N"): GIFT has no ordering question (for Moodle\'s own ordering question, use the Moodle XML export). ' +
				'The marks differ: Moodle gives a share of the mark for each item matched to its right position, where Sourced gives a share for each neighbouring pair in the right order ' +
				'(for example, four items with the first moved to the end score 0 in Moodle and 2 of 3 pairs in Sourced). Moodle also lists the "Position N" choices in a shuffled order in each drop-down, which no file can change, so the first and last are named as such',
			essay: (q) =>
				`written argument exported as a Moodle essay question, but GIFT has no grader information: the model answer and the rubric are in the general feedback, which Moodle shows students after the attempt. GIFT cannot set a mark either, so Moodle gives the question its default of 1: set it to ${questionPoints(q)} (the rubric's total) after import`
		});
		const summary = giftSummary(pack);
		return { data: renderGift(pack, notes, summary), notes, summary };
	}
};
