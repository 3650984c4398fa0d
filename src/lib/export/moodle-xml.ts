import type { Pack, Question } from '../content/schema';
import { generalFeedbackLines } from './feedback-text';
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

// Moodle XML ("Moodle XML format" in Question bank → Import). Every text goes in CDATA; texts that
// Moodle shows as HTML are HTML-escaped first, so `<`, `&` and `]]>` in our plain text arrive as
// written. Plain-text fields (names, categories, tags, matching answers) keep their raw text, so a
// `]]>` inside them is split across two CDATA sections.

/** Characters XML 1.0 cannot carry at all, not even in CDATA. */
const NOT_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as CDATA, a `]]>` inside it split across two sections so that it cannot end the section early. */
function cdata(text: string): string {
	const safe = text.replace(NOT_XML_CHARACTERS, '').replaceAll(']]>', ']]]]><![CDATA[>');
	return `<![CDATA[${safe}]]>`;
}

/** Plain text as HTML that displays it unchanged, line breaks included. */
function htmlOf(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replace(/\r\n?|\n/g, '<br />');
}

/** One HTML paragraph per plain-text line. */
function htmlParagraphs(lines: readonly string[]): string {
	return lines.map((line) => `<p>${htmlOf(line)}</p>`).join('');
}

/** A Moodle text field shown as HTML: `<tag format="html"><text>…</text></tag>`. */
function htmlField(tag: string, lines: readonly string[], attributes = ''): string {
	return `<${tag}${attributes} format="html"><text>${cdata(htmlParagraphs(lines))}</text></${tag}>`;
}

/** A Moodle field holding plain text only: `<tag><text>…</text></tag>`. */
function plainField(tag: string, text: string): string {
	return `<${tag}><text>${cdata(text)}</text></${tag}>`;
}

/** Text for inside `<!-- -->`: no `--` and no characters XML cannot carry. */
function commentText(text: string): string {
	return text.replace(NOT_XML_CHARACTERS, '').replace(/-(?=-)/g, '- ');
}

/** The fields every question type shares: name, text, general feedback with the evidence, grading. */
function headerLines(pack: Pack, q: Question): string[] {
	return [
		plainField('name', q.id),
		htmlField('questiontext', moodleQuestionParagraphs(q)),
		htmlField('generalfeedback', generalFeedbackLines(pack, q)),
		'<defaultgrade>1</defaultgrade>',
		`<penalty>${q.kind === 'true-false' ? '1' : '0.3333333'}</penalty>`,
		'<hidden>0</hidden>'
	];
}

/** The answers and options particular to each kind. */
function bodyLines(pack: Pack, q: Question): string[] {
	const shuffle = String(pack.settings.shuffleOptions);
	switch (q.kind) {
		case 'single':
		case 'multiple': {
			const percents =
				q.kind === 'multiple'
					? multipleResponsePercents(q)
					: new Map(q.options.map((o) => [o.id, o.correct ? 100 : 0]));
			return [
				`<single>${q.kind === 'single'}</single>`,
				`<shuffleanswers>${shuffle}</shuffleanswers>`,
				'<answernumbering>abc</answernumbering>',
				...q.options.flatMap((o) => [
					`<answer fraction="${percents.get(o.id)}" format="html">`,
					`\t<text>${cdata(htmlParagraphs([o.text]))}</text>`,
					`\t${htmlField('feedback', [o.feedback])}`,
					'</answer>'
				])
			];
		}
		case 'true-false':
			return [
				`<answer fraction="${q.answer ? 100 : 0}" format="moodle_auto_format">`,
				'\t<text>true</text>',
				`\t${htmlField('feedback', [q.feedback.ifTrue])}`,
				'</answer>',
				`<answer fraction="${q.answer ? 0 : 100}" format="moodle_auto_format">`,
				'\t<text>false</text>',
				`\t${htmlField('feedback', [q.feedback.ifFalse])}`,
				'</answer>'
			];
		case 'matching':
		case 'ordering':
			return [
				// An ordering question is always shuffled: in the authored order its items would read
				// "Position 1", "Position 2", … top to bottom.
				`<shuffleanswers>${q.kind === 'ordering' ? 'true' : shuffle}</shuffleanswers>`,
				...matchRowsOf(q).flatMap((row) => [
					'<subquestion format="html">',
					`\t<text>${cdata(htmlParagraphs([row.left]))}</text>`,
					`\t${plainField('answer', row.right)}`,
					'</subquestion>'
				])
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
function questionLines(pack: Pack, q: Question, note: ConversionNote | undefined): string[] {
	const tags = [q.topic, q.difficulty, ...q.tags];
	return [
		...(note ? [`<!-- ${commentText(`${q.id}: ${note.note}`)} -->`] : []),
		`<question type="${moodleType[q.kind]}">`,
		...[
			...headerLines(pack, q),
			...bodyLines(pack, q),
			'<tags>',
			...tags.map((tag) => `\t${plainField('tag', tag)}`),
			'</tags>'
		].map((line) => `\t${line}`),
		'</question>'
	];
}

/** A category switch: the questions after it go into `path`. */
function categoryLines(path: string): string[] {
	return ['<question type="category">', `\t${plainField('category', path)}`, '</question>'];
}

/** The whole file: a comment listing every conversion, then per topic a category and its questions. */
function renderMoodleXml(pack: Pack, notes: readonly ConversionNote[]): string {
	const noteFor = new Map(notes.map((n) => [n.questionId, n]));
	const categories = topicCategories(pack);
	const comment = [
		`Sourced: ${pack.title}`,
		`Moodle XML for Question bank > Import > "Moodle XML format": ${pack.questions.length} questions, one category per topic under $course$/Sourced.`,
		'Each question carries its explanation and the passages it cites, with their outlets, in its general feedback.',
		quizSettingsCommentLine(pack),
		...conversionCommentLines(notes)
	];
	const body = categories.flatMap((category) => [
		...categoryLines(category.path),
		...category.questions.flatMap((q) => questionLines(pack, q, noteFor.get(q.id)))
	]);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<!--',
		...comment.map((line) => `  ${commentText(line)}`),
		'-->',
		'<quiz>',
		...body.map((line) => `\t${line}`),
		'</quiz>',
		''
	].join('\n');
}

/** Moodle XML: every question type Moodle has natively, ordering as matching; citations in the general feedback. */
export const moodleXml: Exporter = {
	label: 'Moodle XML',
	extension: 'moodle.xml',
	description:
		'For Moodle: Question bank → Import → "Moodle XML format"; one category per topic, with feedback, tags and cited passages.',
	exportPack(pack, baseName) {
		const notes = moodleConversionNotes(pack);
		return {
			files: [
				{
					name: `${baseName}.moodle.xml`,
					data: renderMoodleXml(pack, notes),
					mime: 'application/xml'
				}
			],
			notes
		};
	}
};
