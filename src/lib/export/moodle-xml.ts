import type { Pack, Question, QuestionOf } from '../content/schema';
import {
	ESSAY_LINES,
	generalFeedbackLines,
	markingLines,
	questionPoints,
	questionTextWithGuidance
} from './feedback-text';
import { htmlParagraphs } from './html';
import {
	categoryPlacement,
	conversionCommentLines,
	moodleDoesNotKeepLine,
	moodleQuestionName,
	moodleTags,
	multipleResponsePercents,
	namingLine,
	packCategories,
	type MoodleCategory,
	type PlacedQuestion
} from './moodle-bank';
import { kindConversionNotes } from './notes';
import type { ConversionNote, Exporter } from './types';
import { cdataContent, commentMarkup, escapeXmlAttribute, escapeXmlText } from './xml';

// Moodle XML ("Moodle XML format" in Question bank → Import). Every text goes in CDATA, as Moodle's
// own exports have it; texts that Moodle shows as HTML are HTML-escaped first, so `<`, `&` and `]]>`
// in our plain text arrive as written. Plain-text fields (names, categories, tags, matching
// answers) keep their raw text, so a `]]>` inside them is split across two CDATA sections.
//
// The markup is written as strings, in the layout the XML writer (`xml.ts`) gives a tree: the
// file's shape is fixed, and at 10,000 questions building and walking a tree per question cost
// more than twice the text itself. Every text still goes through the writer's escaping
// (`cdataContent`, `escapeXmlText`, `escapeXmlAttribute`, `commentMarkup`).

/** A new line and the indent of each depth: the questions at 1, their fields at 2, and so on. */
const AT = ['\n', '\n  ', '\n    ', '\n      ', '\n        '] as const;
type Depth = 1 | 2 | 3;

/**
 * The markup before and after the text of a field, `<tag…>` `<text><![CDATA[` and `]]></text>`
 * `</tag>`, as two strings made once: a field is then three strings, not a dozen.
 */
interface Wrapper {
	open: string;
	close: string;
}

/** A field holding a `<text>` one level deeper: `<tag attributes><text><![CDATA[…]]></text></tag>`. */
function textField(depth: Depth, tag: string, attributes = ''): Wrapper {
	const at = AT[depth];
	return {
		open: `${at}<${tag}${attributes}>${AT[depth + 1]}<text><![CDATA[`,
		close: `]]></text>${at}</${tag}>`
	};
}

/** A bare `<text>` at `depth`, holding CDATA. */
function textOnly(depth: Depth): Wrapper {
	return { open: `${AT[depth]}<text><![CDATA[`, close: ']]></text>' };
}

/** Every field the file writes, by where it goes. */
const FIELD = {
	name: textField(2, 'name'),
	questionText: textField(2, 'questiontext', ' format="html"'),
	generalFeedback: textField(2, 'generalfeedback', ' format="html"'),
	graderInfo: textField(2, 'graderinfo', ' format="html"'),
	answerText: textOnly(3),
	answerFeedback: textField(3, 'feedback', ' format="html"'),
	matchingAnswer: textField(3, 'answer'),
	tag: textField(3, 'tag'),
	category: textField(2, 'category'),
	info: textField(2, 'info', ' format="html"')
} as const;

/** Fields that ordering questions write empty, and hints with no text. */
const EMPTY_ORDERING_FEEDBACK = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback']
	.map((tag) => textField(2, tag, ' format="html"'))
	.map((w) => w.open + w.close)
	.join('');
const EMPTY_HINT = ((w) => w.open + w.close)(textField(2, 'hint', ' format="html"'));

/**
 * Lines of plain text as HTML paragraphs inside CDATA. The HTML holds no `>` but in its own tags
 * (`htmlOfText` escapes it), so no `]]>` can appear; only characters XML cannot hold are replaced.
 */
function htmlContent(lines: readonly string[]): string {
	return cdataContent(htmlParagraphs(lines));
}

/** A field shown as HTML, its text the lines as paragraphs. */
function htmlField(field: Wrapper, lines: readonly string[]): string {
	return field.open + htmlContent(lines) + field.close;
}

/** A field holding plain text only. */
function plainField(field: Wrapper, text: string): string {
	return field.open + cdataContent(text) + field.close;
}

/** An element holding one value as its text, e.g. `<defaultgrade>1</defaultgrade>`, among a question's fields. */
function valueField(tag: string, value: string | number | boolean): string {
	return `${AT[2]}<${tag}>${escapeXmlText(String(value))}</${tag}>`;
}

/** An `<answer>` among a question's fields, its `fraction` and `format`, holding `inner`. */
function answer(fraction: number | undefined, format: string, inner: string): string {
	const grade = fraction === undefined ? '' : ` fraction="${escapeXmlAttribute(String(fraction))}"`;
	return `${AT[2]}<answer${grade} format="${format}">${inner}${AT[2]}</answer>`;
}

/** The share of the mark lost per wrong try (interactive quizzes); an essay is marked once, by hand. */
const penalty = {
	single: '0.3333333',
	multiple: '0.3333333',
	'true-false': '1',
	matching: '0.3333333',
	ordering: '0.3333333',
	essay: '0'
} as const satisfies Record<Question['kind'], string>;

/**
 * The fields every question type shares: a name a person can read in the question bank, text,
 * general feedback with the evidence, grading, and the question's id as its ID number.
 */
function headerFields(pack: Pack, placed: PlacedQuestion): string {
	const q = placed.question;
	return (
		plainField(FIELD.name, moodleQuestionName(placed, pack.questions.length)) +
		htmlField(FIELD.questionText, questionTextWithGuidance(q)) +
		htmlField(FIELD.generalFeedback, generalFeedbackLines(pack, q)) +
		valueField('defaultgrade', questionPoints(q)) +
		valueField('penalty', penalty[q.kind]) +
		valueField('hidden', 0) +
		valueField('idnumber', q.id)
	);
}

/**
 * Moodle's own ordering question (qtype_ordering, standard from Moodle 4.4), as its importer reads
 * it: every item shown (`ALL`) in a vertical list that Moodle shuffles, graded "relative to the
 * next item, excluding the last", which is Sourced's neighbouring-pairs rule; the answers in the
 * right order (their `fraction` is their place). The combined feedback, `shownumcorrect` and
 * hints are written, empty, because the importer otherwise fills in hint settings without a text
 * format, which PostgreSQL refuses (a null `hintformat`).
 */
function orderingFields(q: QuestionOf<'ordering'>): string {
	return (
		valueField('layouttype', 'VERTICAL') +
		valueField('selecttype', 'ALL') +
		valueField('selectcount', q.items.length) +
		valueField('gradingtype', 'RELATIVE_NEXT_EXCLUDE_LAST') +
		valueField('showgrading', 'SHOW') +
		valueField('numberingstyle', 'none') +
		EMPTY_ORDERING_FEEDBACK +
		valueField('shownumcorrect', 1) +
		q.items
			.map((item, i) => answer(i + 1, 'html', htmlField(FIELD.answerText, [item.text])))
			.join('') +
		EMPTY_HINT +
		EMPTY_HINT
	);
}

/** The answers and options particular to each kind. */
function bodyFields(pack: Pack, q: Question): string {
	const shuffle = pack.settings.shuffleOptions;
	switch (q.kind) {
		case 'single':
		case 'multiple': {
			const percents =
				q.kind === 'multiple'
					? multipleResponsePercents(q)
					: new Map(q.options.map((o) => [o.id, o.correct ? 100 : 0]));
			let fields =
				valueField('single', q.kind === 'single') +
				valueField('shuffleanswers', shuffle) +
				valueField('answernumbering', 'abc');
			for (const o of q.options)
				fields += answer(
					percents.get(o.id),
					'html',
					htmlField(FIELD.answerText, [o.text]) + htmlField(FIELD.answerFeedback, [o.feedback])
				);
			return fields;
		}
		case 'true-false': {
			const trueOrFalse = (value: boolean, feedback: string) =>
				answer(
					q.answer === value ? 100 : 0,
					'moodle_auto_format',
					`${AT[3]}<text>${value}</text>${htmlField(FIELD.answerFeedback, [feedback])}`
				);
			return trueOrFalse(true, q.feedback.ifTrue) + trueOrFalse(false, q.feedback.ifFalse);
		}
		case 'matching': {
			let fields = valueField('shuffleanswers', shuffle);
			for (const pair of q.pairs)
				fields += `${AT[2]}<subquestion format="html">${htmlField(FIELD.answerText, [pair.left])}${plainField(FIELD.matchingAnswer, pair.right)}${AT[2]}</subquestion>`;
			return fields;
		}
		case 'ordering':
			return orderingFields(q);
		case 'essay':
			// Written in the rich-text editor, no files; graders see the model answer and rubric.
			return (
				valueField('responseformat', 'editor') +
				valueField('responserequired', 1) +
				valueField('responsefieldlines', ESSAY_LINES) +
				valueField('attachments', 0) +
				valueField('attachmentsrequired', 0) +
				htmlField(FIELD.graderInfo, markingLines(q))
			);
	}
}

const moodleType = {
	single: 'multichoice',
	multiple: 'multichoice',
	'true-false': 'truefalse',
	matching: 'matching',
	ordering: 'ordering',
	essay: 'essay'
} as const satisfies Record<Question['kind'], string>;

/** The `<tags>` of a question: its topic, the difficulty, the level and the question's own tags. */
function tagsField(q: Question): string {
	const tags = moodleTags(q);
	if (tags.length === 0) return `${AT[2]}<tags/>`;
	return `${AT[2]}<tags>${tags.map((tag) => plainField(FIELD.tag, tag)).join('')}${AT[2]}</tags>`;
}

/** One `<question>` element, after a comment with its conversion if it has one. */
function questionMarkup(
	pack: Pack,
	placed: PlacedQuestion,
	note: ConversionNote | undefined
): string {
	const q = placed.question;
	const noted = note ? `${AT[1]}${commentMarkup(`${q.id}: ${note.note}`)}` : '';
	return `${noted}${AT[1]}<question type="${moodleType[q.kind]}">${headerFields(pack, placed)}${bodyFields(pack, q)}${tagsField(q)}${AT[1]}</question>`;
}

/** A category switch: Moodle files the questions after it in the category, creating it with its description. */
function categorySwitch(category: MoodleCategory): string {
	return `${AT[1]}<question type="category">${plainField(FIELD.category, category.path)}${htmlField(FIELD.info, category.info ? [category.info] : [])}${AT[1]}</question>`;
}

/** What Moodle keeps of the pack and what it does not: the export report and the file's comment say the same. */
function moodleXmlSummary(pack: Pack): string[] {
	const ordering = pack.questions.filter((q) => q.kind === 'ordering').length;
	return [
		`Moodle keeps: ${categoryPlacement(pack)}${pack.description ? ", with the pack's instructions as its description" : ''}; ${namingLine(pack)}; each question's Sourced id as its ID number; its topic, difficulty and level as tags.`,
		...(ordering ? [orderingSummary(ordering)] : []),
		moodleDoesNotKeepLine(pack)
	];
}

/** What becomes of the ordering questions: Moodle's own type, the versions that import it, and how it marks. */
function orderingSummary(count: number): string {
	return (
		`${count === 1 ? 'The ordering question is' : `The ${count} ordering questions are`} Moodle's own ordering questions, which Moodle 4.4 and later include; ` +
		'Moodle 4.3 and older need the qtype_ordering plugin installed, or they report the question type as unsupported (and, with "Stop on error" on, import nothing). ' +
		'Moodle grades them "relative to the next item (excluding last)": a share of the mark for each neighbouring pair placed in the right order, out of one fewer than the number of items, which is the mark Sourced gives. ' +
		'Moodle counts the shuffled starting order as an answer, so a student who moves nothing is marked on whatever neighbouring pairs the shuffle happened to put right.'
	);
}

/**
 * Each question's string is made of many small strings linked together; joining a few dozen
 * questions at once copies them into one while they are still young, before the garbage collector
 * has to carry them over to the old generation (joining all 10,000 at the end cost twice as much).
 */
const QUESTIONS_PER_CHUNK = 64;

/** The whole file: a comment with the report and every conversion, then the categories and their questions in pack order. */
function renderMoodleXml(pack: Pack, notes: readonly ConversionNote[], summary: string[]): string {
	const noteFor = new Map(notes.map((n) => [n.questionId, n]));
	const header = [
		`Sourced: ${pack.title}`,
		`Moodle XML for Question bank > Import > "Moodle XML format": ${pack.questions.length} questions.`,
		'Each question carries its explanation and the passages it cites, with their outlets, in its general feedback.',
		...summary,
		...conversionCommentLines(notes)
	];
	// One string per question, joined a few dozen at a time (see `QUESTIONS_PER_CHUNK`).
	const chunks: string[] = [];
	let parts = [
		'<?xml version="1.0" encoding="UTF-8"?>\n',
		commentMarkup(header.join('\n')),
		'\n<quiz>'
	];
	for (const category of packCategories(pack)) {
		parts.push(categorySwitch(category));
		for (const placed of category.questions) {
			parts.push(questionMarkup(pack, placed, noteFor.get(placed.question.id)));
			if (parts.length >= QUESTIONS_PER_CHUNK) {
				chunks.push(parts.join(''));
				parts = [];
			}
		}
	}
	parts.push('\n</quiz>\n');
	chunks.push(parts.join(''));
	return chunks.join('');
}

/** Moodle XML: every kind as Moodle's own question type (ordering needs Moodle 4.4+); citations in the general feedback. */
export const moodleXml: Exporter = {
	label: 'Moodle XML',
	extension: 'moodle.xml',
	mime: 'application/xml',
	description:
		'For Moodle: Question bank → Import → "Moodle XML format"; a category named after the pack, questions in pack order, with feedback, tags and cited passages.',
	render(pack) {
		const notes = kindConversionNotes(pack.questions, {
			essay: (q) =>
				`written argument exported as a Moodle essay question, graded by hand out of ${questionPoints(q)} (the rubric's total): the model answer and the rubric are in the grader information, which students do not see`
		});
		const summary = moodleXmlSummary(pack);
		return { data: renderMoodleXml(pack, notes, summary), notes, summary };
	}
};
