import type { Pack, Question } from '../content/schema';
import { ESSAY_LINES, generalFeedbackLines, markingLines, questionPoints } from './feedback-text';
import { htmlParagraphs } from './html';
import {
	categoryPlacement,
	conversionCommentLines,
	matchRowsOf,
	moodleConversionNotes,
	moodleDoesNotKeepLine,
	moodleQuestionName,
	moodleQuestionParagraphs,
	moodleTags,
	multipleResponsePercents,
	namingLine,
	packCategories,
	type MoodleCategory,
	type PlacedQuestion
} from './moodle-bank';
import type { ConversionNote, Exporter } from './types';
import {
	cdata,
	comment,
	element,
	valueElement,
	xmlDocument,
	type XmlChild,
	type XmlElement
} from './xml';

// Moodle XML ("Moodle XML format" in Question bank → Import), written with the XML writer the QTI
// exports use. Every text goes in CDATA, as Moodle's own exports have it; texts that Moodle shows
// as HTML are HTML-escaped first, so `<`, `&` and `]]>` in our plain text arrive as written.
// Plain-text fields (names, categories, tags, matching answers) keep their raw text, so a `]]>`
// inside them is split across two CDATA sections.

/** A Moodle text field shown as HTML: `<tag format="html"><text>…</text></tag>`. */
function htmlField(tag: string, lines: readonly string[]): XmlElement {
	return element(tag, { format: 'html' }, [element('text', {}, [cdata(htmlParagraphs(lines))])]);
}

/** A Moodle field holding plain text only: `<tag><text>…</text></tag>`. */
function plainField(tag: string, text: string): XmlElement {
	return element(tag, {}, [element('text', {}, [cdata(text)])]);
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
function headerFields(pack: Pack, placed: PlacedQuestion): XmlElement[] {
	const q = placed.question;
	return [
		plainField('name', moodleQuestionName(placed, pack.questions.length)),
		htmlField('questiontext', moodleQuestionParagraphs(q)),
		htmlField('generalfeedback', generalFeedbackLines(pack, q)),
		valueElement('defaultgrade', questionPoints(q)),
		valueElement('penalty', penalty[q.kind]),
		valueElement('hidden', 0),
		valueElement('idnumber', q.id)
	];
}

/** The answers and options particular to each kind. */
function bodyFields(pack: Pack, q: Question): XmlElement[] {
	const shuffle = pack.settings.shuffleOptions;
	switch (q.kind) {
		case 'single':
		case 'multiple': {
			const percents =
				q.kind === 'multiple'
					? multipleResponsePercents(q)
					: new Map(q.options.map((o) => [o.id, o.correct ? 100 : 0]));
			return [
				valueElement('single', q.kind === 'single'),
				valueElement('shuffleanswers', shuffle),
				valueElement('answernumbering', 'abc'),
				...q.options.map((o) =>
					element('answer', { fraction: percents.get(o.id), format: 'html' }, [
						element('text', {}, [cdata(htmlParagraphs([o.text]))]),
						htmlField('feedback', [o.feedback])
					])
				)
			];
		}
		case 'true-false': {
			const answer = (value: boolean, feedback: string) =>
				element(
					'answer',
					{ fraction: q.answer === value ? 100 : 0, format: 'moodle_auto_format' },
					[valueElement('text', value), htmlField('feedback', [feedback])]
				);
			return [answer(true, q.feedback.ifTrue), answer(false, q.feedback.ifFalse)];
		}
		case 'matching':
		case 'ordering':
			return [
				// An ordering question is always shuffled: in the authored order its items would read
				// "Position 1", "Position 2", … top to bottom.
				valueElement('shuffleanswers', q.kind === 'ordering' ? true : shuffle),
				...matchRowsOf(q).map((row) =>
					element('subquestion', { format: 'html' }, [
						element('text', {}, [cdata(htmlParagraphs([row.left]))]),
						plainField('answer', row.right)
					])
				)
			];
		case 'essay':
			// Written in the rich-text editor, no files; graders see the model answer and rubric.
			return [
				valueElement('responseformat', 'editor'),
				valueElement('responserequired', 1),
				valueElement('responsefieldlines', ESSAY_LINES),
				valueElement('attachments', 0),
				valueElement('attachmentsrequired', 0),
				htmlField('graderinfo', markingLines(q))
			];
	}
}

const moodleType = {
	single: 'multichoice',
	multiple: 'multichoice',
	'true-false': 'truefalse',
	matching: 'matching',
	ordering: 'matching',
	essay: 'essay'
} as const satisfies Record<Question['kind'], string>;

/** One `<question>` element, its tags carrying the topic, the difficulty, the level and the question's own tags. */
function questionNodes(
	pack: Pack,
	placed: PlacedQuestion,
	note: ConversionNote | undefined
): XmlChild[] {
	const q = placed.question;
	const tags = moodleTags(q);
	return [
		note && comment(`${q.id}: ${note.note}`),
		element('question', { type: moodleType[q.kind] }, [
			...headerFields(pack, placed),
			...bodyFields(pack, q),
			element(
				'tags',
				{},
				tags.map((tag) => plainField('tag', tag))
			)
		])
	];
}

/** A category switch: Moodle files the questions after it in the category, creating it with its description. */
function categorySwitch(category: MoodleCategory): XmlElement {
	return element('question', { type: 'category' }, [
		plainField('category', category.path),
		htmlField('info', category.info ? [category.info] : [])
	]);
}

/** What Moodle keeps of the pack and what it does not: the export report and the file's comment say the same. */
function moodleXmlSummary(pack: Pack): string[] {
	return [
		`Moodle keeps: ${categoryPlacement(pack)}, with the pack's instructions as its description; ${namingLine(pack)}; each question's Sourced id as its ID number; its topic, difficulty and level as tags.`,
		moodleDoesNotKeepLine(pack)
	];
}

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
	const body = packCategories(pack).map((category) => [
		categorySwitch(category),
		category.questions.map((placed) => questionNodes(pack, placed, noteFor.get(placed.question.id)))
	]);
	return xmlDocument(element('quiz', {}, body), [comment(header.join('\n'))]);
}

/** Moodle XML: every question type Moodle has natively, ordering as matching; citations in the general feedback. */
export const moodleXml: Exporter = {
	label: 'Moodle XML',
	extension: 'moodle.xml',
	mime: 'application/xml',
	description:
		'For Moodle: Question bank → Import → "Moodle XML format"; a category named after the pack, questions in pack order, with feedback, tags and cited passages.',
	render(pack) {
		const notes = moodleConversionNotes(
			pack,
			(q) =>
				`written argument exported as a Moodle essay question, graded by hand out of ${questionPoints(q)} (the rubric's total): the model answer and the rubric are in the grader information, which students do not see`
		);
		const summary = moodleXmlSummary(pack);
		return { data: renderMoodleXml(pack, notes, summary), notes, summary };
	}
};
