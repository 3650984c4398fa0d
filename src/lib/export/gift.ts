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
// every `~ = # { } :` and backslash in a text is escaped, and a line break inside a text is `\n`.
// Every text Moodle reads with a format marker goes through `giftText`, which writes the format
// itself; the two texts Moodle reads without one (a question's name, a matching row's right-hand
// side) go through `giftUnformattedText`; the category line has rules of its own.

/** A character `escapeGift` changes. */
const GIFT_SPECIAL = /[\\~=#{}:\r\n]/;

/** Text with GIFT's special characters escaped and line breaks written as `\n`. */
function escapeGift(text: string): string {
	// Each step only where it has something to change: at 10,000 questions, copying every text
	// three times over was nearly a fifth of the export.
	if (!GIFT_SPECIAL.test(text)) return text;
	const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	const escaped = lines.replace(/[\\~=#{}:]/g, '\\$&');
	return escaped.includes('\n') ? escaped.replaceAll('\n', '\\n') : escaped;
}

/**
 * The placeholders Moodle's GIFT importer puts in for escaped characters (`escapedchar_pre`) and
 * turns back into `\ : # = { } ~` and a line break (`escapedchar_pre` and `escapedchar_post`),
 * wherever they appear, written by us or not: a text holding "&&035;" arrives as "#".
 */
const MOODLE_PLACEHOLDER = /&&(?:092;|058;|035;|061;|123;|125;|126;|010)/;

/** Whether Moodle's GIFT importer would change the text by decoding one of its placeholders. */
export function holdsMoodlePlaceholder(text: string): boolean {
	return MOODLE_PLACEHOLDER.test(text);
}

/** Where a text sits: `'beforeArrow'` for the texts a GIFT reader could split at `->`. */
type GiftTextPlace = 'text' | 'beforeArrow';

/**
 * Every text Moodle reads with a format marker (`[html]`, `[markdown]`, `[moodle]`, `[plain]`):
 * the question text, the general feedback, each answer and its feedback, true/false feedback and
 * the left-hand side of a matching row. Each one is written with its format first, so nothing in
 * the text (nor a space or control character before it, which Moodle trims) can be read as a
 * marker: Moodle reads one marker only. The format is `[plain]`, so Moodle shows `<`, `&` and the
 * rest as written, except for a text that GIFT cannot carry as plain text: one holding one of
 * Moodle's placeholders, which Moodle would decode, or, `beforeArrow`, one holding `->`, which
 * GIFT cannot escape (Moodle splits a matching row at its first `->`; gift-pegjs reads
 * `=text -> text` as a matching row even where `~` answers follow). Such a text is written as
 * `[html]` with `&`, `<` and `>` as entities: nothing splits or decodes it, and Moodle still
 * displays it exactly as written.
 */
function giftText(text: string, place: GiftTextPlace = 'text'): string {
	const splits = place === 'beforeArrow' && text.includes('->');
	return splits || holdsMoodlePlaceholder(text)
		? `[html]${escapeGift(htmlOfText(text))}`
		: `[plain]${escapeGift(text)}`;
}

/**
 * A text Moodle reads without a format: a question's name and the right-hand side of a matching
 * row (plain text, never read for a marker). Nothing can keep Moodle from decoding a placeholder
 * there, so an invisible word joiner (U+2060) goes between its two `&`: it reads the same and
 * arrives as written, but for that character.
 */
function giftUnformattedText(text: string): string {
	return escapeGift(
		text.replace(new RegExp(MOODLE_PLACEHOLDER.source, 'g'), (p) => `&\u2060${p.slice(1)}`)
	);
}

/**
 * A category name as Moodle's `$CATEGORY:` line reads it. Moodle takes the rest of the line as it
 * is, except that it first turns `\\` into `\` and `\:` `\#` `\=` `\{` `\}` `\~` `\n` into
 * placeholders that it never turns back for categories. So nothing else is escaped here, and a
 * backslash is doubled only where it comes before one of those characters; a "&&092;" in a title,
 * which Moodle would turn into `\`, gets a word joiner (U+2060) between its two `&`. The line must
 * stay one line, so a line break in a title becomes a space.
 */
function giftCategoryPath(path: string): string {
	return oneLine(path)
		.replace(/\\(?=[\\:#={}~n])/g, '\\\\')
		.replaceAll('&&092;', '&\u2060&092;');
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
	const general = `####${giftText(feedbackWithMarkingLines(pack, q).join('\n'))}`;
	switch (q.kind) {
		case 'single':
			return [
				// Each text starts with its format marker, so Moodle cannot read a weight such as
				// `%50%` from the start of a wrong option's text.
				...q.options.map(
					(o) =>
						`${o.correct ? '=' : '~'}${giftText(o.text, o.correct ? 'beforeArrow' : 'text')}#${giftText(o.feedback)}`
				),
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
				...matchRowsOf(q).map(
					(row) => `=${giftText(row.left, 'beforeArrow')} -> ${giftUnformattedText(row.right)}`
				),
				general
			];
		case 'essay':
			// Nothing but the general feedback between the braces: Moodle reads that as an essay.
			return [general];
	}
}

/**
 * One question: a comment with its ID number and tags (Moodle reads `[id:…]` and `[tag:…]` there)
 * and its conversion, `::name::`, its text and `{answers}`.
 */
function questionBlock(
	pack: Pack,
	placed: PlacedQuestion,
	note: ConversionNote | undefined
): string {
	const q = placed.question;
	const tags = moodleTags(q).map((tag) => `[tag:${tag}]`);
	const text = giftText(giftQuestionParagraphs(q).join('\n\n'));
	const name = moodleQuestionName(placed, pack.questions.length);
	return [
		`// ${[`[id:${q.id}]`, ...tags].join(' ')}`,
		...(note ? [`// ${q.id}: ${note.note}`] : []),
		`::${giftUnformattedText(name)}::${text}{`,
		...answerLines(pack, q).map((line) => `\t${line}`),
		'}'
	].join('\n');
}

/**
 * A note for each matching question with a right-hand text that Moodle would change by decoding
 * one of its placeholders, which GIFT cannot prevent there (see `giftUnformattedText`).
 */
function placeholderNotes(pack: Pack): ConversionNote[] {
	return pack.questions.flatMap((q) =>
		q.kind === 'matching' && q.pairs.some((pair) => holdsMoodlePlaceholder(pair.right))
			? [
					{
						questionId: q.id,
						action: 'converted' as const,
						note: 'a right-hand text holds one of the placeholders Moodle\'s GIFT import decodes (such as "&&035;", which it reads as "#"), so it is written with an invisible word joiner between the two "&"'
					}
				]
			: []
	);
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
		const allNotes = [...notes, ...placeholderNotes(pack)];
		const summary = giftSummary(pack);
		return { data: renderGift(pack, allNotes, summary), notes: allNotes, summary };
	}
};
