import {
	pointsText,
	questionParagraphs,
	rubricCriterionText,
	rubricTotal
} from '../content/question-text';
import type { AnchoredCitation, Pack, Question, QuestionOf } from '../content/schema';
import { quotedPassage } from '../text/quoted-passage';

// The texts every LMS format writes for a question: its text, its points, its general feedback,
// and for an essay its marking guide.

/** The name a pack gives a source, e.g. "Ars Technica". */
export function sourceLabel(pack: Pack, sourceId: string): string {
	return pack.sources.find((s) => s.id === sourceId)?.label ?? sourceId;
}

/** One citation as plain text for an LMS feedback field: the quote in one pair of quotation marks, then the outlet. */
export function citationText(pack: Pack, citation: AnchoredCitation): string {
	const source = pack.sources.find((s) => s.id === citation.source);
	const where = source?.url && source.url !== 'unknown' ? ` (${source.url})` : '';
	return `${quotedPassage(citation.exact)} — ${sourceLabel(pack, citation.source)}${where}`;
}

/**
 * The general feedback every exported question carries (LMSs drop shared blocks, so each item
 * holds its own evidence): the explanation, then each cited passage with its outlet.
 */
export function generalFeedbackLines(pack: Pack, question: Question): string[] {
	return [
		question.explanation,
		question.citations.length > 1 ? 'Sources:' : 'Source:',
		...question.citations.map((c) => citationText(pack, c))
	];
}

/** An essay's guidance as a paragraph of its text, after the prompt. */
export function guidanceText(question: QuestionOf<'essay'>): string {
	return `Guidance: ${question.guidance}`;
}

/** What a student reads before answering: the question's text, then an essay's guidance. */
export function questionTextWithGuidance(question: Question): string[] {
	const paragraphs = questionParagraphs(question);
	return question.kind === 'essay' ? [...paragraphs, guidanceText(question)] : paragraphs;
}

/** The height of an essay's answer box in lines, where a format can set it. */
export const ESSAY_LINES = 15;

/** The points a question is worth in an LMS: an essay its rubric's total, any other kind 1. */
export function questionPoints(question: Question): number {
	return question.kind === 'essay' ? rubricTotal(question.rubric) : 1;
}

/** What a grader marks a written argument with: the model answer, then each rubric criterion with its points. */
export function markingLines(question: QuestionOf<'essay'>): string[] {
	return [
		'Model answer:',
		question.modelAnswer,
		`Rubric (${pointsText(rubricTotal(question.rubric))} in all):`,
		...question.rubric.map(rubricCriterionText)
	];
}

/**
 * The general feedback of a format with no field for graders alone: for an essay, the model answer
 * and the rubric follow the explanation and sources (students see them after the attempt).
 */
export function feedbackWithMarkingLines(pack: Pack, question: Question): string[] {
	const lines = generalFeedbackLines(pack, question);
	return question.kind === 'essay' ? [...lines, ...markingLines(question)] : lines;
}
