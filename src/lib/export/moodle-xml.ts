import type { Pack, Question } from '../content/schema';
import { generalFeedbackLines } from './feedback-text';
import { htmlParagraphs } from './html';
import {
	conversionCommentLines,
	matchRowsOf,
	moodleConversionNotes,
	moodleQuestionParagraphs,
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

/** The fields every question type shares: name, text, general feedback with the evidence, grading. */
function headerFields(pack: Pack, q: Question): XmlElement[] {
	return [
		plainField('name', q.id),
		htmlField('questiontext', moodleQuestionParagraphs(q)),
		htmlField('generalfeedback', generalFeedbackLines(pack, q)),
		valueElement('defaultgrade', 1),
		valueElement('penalty', q.kind === 'true-false' ? '1' : '0.3333333'),
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
	}
}

const moodleType = {
	single: 'multichoice',
	multiple: 'multichoice',
	'true-false': 'truefalse',
	matching: 'matching',
	ordering: 'matching'
} as const satisfies Record<Question['kind'], string>;

/** One `<question>` element, its tags carrying the topic, the difficulty and the question's own tags. */
function questionNodes(pack: Pack, q: Question, note: ConversionNote | undefined): XmlChild[] {
	const tags = [q.topic, q.difficulty, ...q.tags];
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
		const notes = moodleConversionNotes(pack);
		return { data: renderMoodleXml(pack, notes), notes };
	}
};
