import type { Pack, Question } from '../content/schema';
import { ESSAY_LINES, generalFeedbackLines, markingLines, questionPoints } from './feedback-text';
import { htmlParagraphs } from './html';
import {
	conversionCommentLines,
	matchRowsOf,
	moodleConversionNotes,
	moodleQuestionParagraphs,
	moodleTags,
	multipleResponsePercents,
	quizSettingsCommentLine,
	topicCategories
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

/** The fields every question type shares: name, text, general feedback with the evidence, grading. */
function headerFields(pack: Pack, q: Question): XmlElement[] {
	return [
		plainField('name', q.id),
		htmlField('questiontext', moodleQuestionParagraphs(q)),
		htmlField('generalfeedback', generalFeedbackLines(pack, q)),
		valueElement('defaultgrade', questionPoints(q)),
		valueElement('penalty', penalty[q.kind]),
		valueElement('hidden', 0)
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
function questionNodes(pack: Pack, q: Question, note: ConversionNote | undefined): XmlChild[] {
	const tags = moodleTags(q);
	return [
		note && comment(`${q.id}: ${note.note}`),
		element('question', { type: moodleType[q.kind] }, [
			...headerFields(pack, q),
			...bodyFields(pack, q),
			element(
				'tags',
				{},
				tags.map((tag) => plainField('tag', tag))
			)
		])
	];
}

/** A category switch: the questions after it go into `path`. */
function categorySwitch(path: string): XmlElement {
	return element('question', { type: 'category' }, [plainField('category', path)]);
}

/** The whole file: a comment listing every conversion, then per topic a category and its questions. */
function renderMoodleXml(pack: Pack, notes: readonly ConversionNote[]): string {
	const noteFor = new Map(notes.map((n) => [n.questionId, n]));
	const summary = [
		`Sourced: ${pack.title}`,
		`Moodle XML for Question bank > Import > "Moodle XML format": ${pack.questions.length} questions, one category per topic under $course$/Sourced.`,
		'Each question carries its explanation and the passages it cites, with their outlets, in its general feedback.',
		quizSettingsCommentLine(pack),
		...conversionCommentLines(notes)
	];
	const body = topicCategories(pack).map((category) => [
		categorySwitch(category.path),
		category.questions.map((q) => questionNodes(pack, q, noteFor.get(q.id)))
	]);
	return xmlDocument(element('quiz', {}, body), [comment(summary.join('\n'))]);
}

/** Moodle XML: every question type Moodle has natively, ordering as matching; citations in the general feedback. */
export const moodleXml: Exporter = {
	label: 'Moodle XML',
	extension: 'moodle.xml',
	mime: 'application/xml',
	description:
		'For Moodle: Question bank → Import → "Moodle XML format"; one category per topic, with feedback, tags and cited passages.',
	render(pack) {
		const notes = moodleConversionNotes(
			pack,
			(q) =>
				`written argument exported as a Moodle essay question, graded by hand out of ${questionPoints(q)} (the rubric's total): the model answer and the rubric are in the grader information, which students do not see`
		);
		return { data: renderMoodleXml(pack, notes), notes };
	}
};
