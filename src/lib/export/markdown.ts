import {
	pointsText,
	questionParagraphs,
	rubricCriterionText,
	rubricTotal
} from '../content/question-text';
import type { AnchoredCitation, Pack, Question } from '../content/schema';
import { kindLabels, levelLabels } from '../content/vocabulary';
import { oneLine } from '../text/one-line';
import { optionLetter } from '../text/option-letter';
import { quotedPassage } from '../text/quoted-passage';
import { guidanceText, sourceLabel } from './feedback-text';
import type { Exporter } from './types';

const RIGHT = '**(right)**';
const WRONG = '(wrong)';

/**
 * Text escaped so that Markdown (CommonMark and GFM) shows it literally: line breaks as LF (a lone
 * CR is a line break too, and would end a list item); backslash-escapes for the characters that
 * start emphasis, code, links, HTML, tables and strikethrough, for `&` where it would start an
 * entity, for what would start a heading, list, quote or rule at a line start, and for the `:`,
 * `.` and `@` that let GFM turn a bare address (`https://…`, `www.…`, `name@host`) into a live link.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\\`*_[\]<>#|~]/g, '\\$&')
		.replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
		.replace(/^([^\S\n]*)([-+=])/gm, '$1\\$2')
		.replace(/^([^\S\n]*\d+)([.)])/gm, '$1\\$2')
		.replace(/:(?=\/\/)/g, '\\:')
		.replace(/(www)\./gi, '$1\\.')
		.replace(/@/g, '\\@');
}

/** A heading's text: escaped, and on one line, since a heading cannot span lines. */
function headingText(text: string): string {
	return escapeMarkdown(oneLine(text));
}

/** Text placed after a list marker: escaped, with later lines indented so they stay in the item. */
function itemText(text: string, indent: string): string {
	return escapeMarkdown(text).replace(/\n/g, `\n${indent}`);
}

/** A list item with the choice marked in words, then its feedback as a paragraph of the same item. */
function choiceItem(label: string, right: boolean, feedback: string): string {
	return `- ${label} ${right ? RIGHT : WRONG}\n\n  Feedback: ${itemText(feedback, '  ')}`;
}

/** The part of a question that differs by kind: its choices, items or pairs, with the answer in words. */
function answerBlocks(question: Question): string[] {
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const rightCount = question.options.filter((o) => o.correct).length;
			const lead =
				question.kind === 'single'
					? 'Options (one is right):'
					: `Options (${rightCount} are right; choose all that apply):`;
			return [
				lead,
				question.options
					.map((o, i) =>
						choiceItem(`${optionLetter(i)}. ${itemText(o.text, '  ')}`, o.correct, o.feedback)
					)
					.join('\n\n')
			];
		}
		case 'true-false':
			return [
				'Answers:',
				[
					choiceItem('True', question.answer, question.feedback.ifTrue),
					choiceItem('False', !question.answer, question.feedback.ifFalse)
				].join('\n\n')
			];
		case 'ordering':
			return [
				'Items, listed in the right order:',
				question.items.map((item, i) => `${i + 1}. ${itemText(item.text, '   ')}`).join('\n')
			];
		case 'matching':
			return [
				'Pairs, each left-hand item with its right match:',
				question.pairs
					.map((p) => `- ${itemText(p.left, '  ')} → ${itemText(p.right, '  ')}`)
					.join('\n')
			];
		case 'essay':
			return [
				escapeMarkdown(guidanceText(question)),
				`**Model answer:** ${escapeMarkdown(question.modelAnswer)}`,
				`**Rubric (${pointsText(rubricTotal(question.rubric))} in all):**`,
				question.rubric.map((c) => `- ${itemText(rubricCriterionText(c), '  ')}`).join('\n')
			];
	}
}

/** A blockquote of one paragraph: every line of the (already escaped) Markdown behind `> `. */
function blockquote(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => `> ${line}`)
		.join('\n');
}

/** A web address to link as it is (`<…>`): http or https, nothing CommonMark would end it at. */
const LINKABLE = /^https?:\/\/[^\s<>\p{Cc}]+$/u;

/**
 * One citation: the passage in one pair of quotation marks, then its outlet, then the source's own
 * address as a link, the one link the document makes; any other address in it stays text.
 */
function citationMarkdown(pack: Pack, citation: AnchoredCitation): string {
	const url = pack.sources.find((s) => s.id === citation.source)?.url;
	const text = `${quotedPassage(citation.exact)} — ${sourceLabel(pack, citation.source)}`;
	if (!url || url === 'unknown') return escapeMarkdown(text);
	const link = LINKABLE.test(url) ? `<${url}>` : escapeMarkdown(url);
	return `${escapeMarkdown(text)} (${link})`;
}

/** One question: its numbered heading, kind, difficulty and level, text, answers, explanation and sources. */
function questionSection(pack: Pack, question: Question, number: number): string {
	const level = question.level ? ` · Level: ${levelLabels[question.level]}` : '';
	const tags = question.tags.length ? ` · Tags: ${escapeMarkdown(question.tags.join(', '))}` : '';
	return [
		`### Question ${number} (${question.id})`,
		`_${kindLabels[question.kind]} · Difficulty: ${question.difficulty}${level}${tags}_`,
		...questionParagraphs(question).map(escapeMarkdown),
		...answerBlocks(question),
		`**Explanation:** ${escapeMarkdown(question.explanation)}`,
		question.citations.length > 1 ? '**Sources:**' : '**Source:**',
		...question.citations.map((c) => blockquote(citationMarkdown(pack, c)))
	].join('\n\n');
}

/**
 * The pack as a Markdown document for reading and editing elsewhere: title, description, then the
 * questions in pack order under a heading for each run of questions on the same topic.
 */
export function renderMarkdown(pack: Pack): string {
	const blocks = [`# ${headingText(pack.title)}`];
	if (pack.description.trim()) blocks.push(escapeMarkdown(pack.description));
	let topic: string | null = null;
	pack.questions.forEach((question, i) => {
		if (question.topic !== topic) {
			topic = question.topic;
			const title = pack.topics.find((t) => t.id === topic)?.title ?? topic;
			blocks.push(`## ${headingText(title)}`);
		}
		blocks.push(questionSection(pack, question, i + 1));
	});
	return `${blocks.join('\n\n')}\n`;
}

/** The pack as a Markdown document to read, edit or print: nothing is converted. */
export const markdown: Exporter = {
	label: 'Markdown',
	extension: 'md',
	mime: 'text/markdown; charset=utf-8',
	description:
		'A readable document with every question, its answers marked in words, feedback, explanation and quoted sources, to edit in any text editor or print.',
	render: (pack) => ({ data: renderMarkdown(pack), notes: [] })
};
