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
import {
	cdata,
	comment,
	eachItem,
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
		htmlField('questiontext', questionTextWithGuidance(q)),
		htmlField('generalfeedback', generalFeedbackLines(pack, q)),
		valueElement('defaultgrade', questionPoints(q)),
		valueElement('penalty', penalty[q.kind]),
		valueElement('hidden', 0),
		valueElement('idnumber', q.id)
	];
}

/**
 * Moodle's own ordering question (qtype_ordering, standard from Moodle 4.4), as its importer reads
 * it: every item shown (`ALL`) in a vertical list that Moodle shuffles, graded "relative to the
 * next item, excluding the last", which is Sourced's neighbouring-pairs rule; the answers in the
 * right order (their `fraction` is their place). The combined feedback, `shownumcorrect` and
 * hints are written, empty, because the importer otherwise fills in hint settings without a text
 * format, which PostgreSQL refuses (a null `hintformat`).
 */
function orderingFields(q: QuestionOf<'ordering'>): XmlElement[] {
	return [
		valueElement('layouttype', 'VERTICAL'),
		valueElement('selecttype', 'ALL'),
		valueElement('selectcount', q.items.length),
		valueElement('gradingtype', 'RELATIVE_NEXT_EXCLUDE_LAST'),
		valueElement('showgrading', 'SHOW'),
		valueElement('numberingstyle', 'none'),
		htmlField('correctfeedback', []),
		htmlField('partiallycorrectfeedback', []),
		htmlField('incorrectfeedback', []),
		valueElement('shownumcorrect', 1),
		...q.items.map((item, i) =>
			element('answer', { fraction: i + 1, format: 'html' }, [
				element('text', {}, [cdata(htmlParagraphs([item.text]))])
			])
		),
		htmlField('hint', []),
		htmlField('hint', [])
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
			return [
				valueElement('shuffleanswers', shuffle),
				...q.pairs.map((pair) =>
					element('subquestion', { format: 'html' }, [
						element('text', {}, [cdata(htmlParagraphs([pair.left]))]),
						plainField('answer', pair.right)
					])
				)
			];
		case 'ordering':
			return orderingFields(q);
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
	ordering: 'ordering',
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
		eachItem(category.questions, (placed) =>
			questionNodes(pack, placed, noteFor.get(placed.question.id))
		)
	]);
	return xmlDocument(element('quiz', {}, body), [comment(header.join('\n'))]);
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
