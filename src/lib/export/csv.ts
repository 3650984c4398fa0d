import { questionParagraphs, rubricCriterionText } from '../content/question-text';
import type { Pack, Question } from '../content/schema';
import { csvDocument, looksLikeFormula } from '../text/csv';
import { optionLetter } from '../text/option-letter';
import { citationText } from './feedback-text';
import type { ConversionNote, Exporter } from './types';

/** The columns, one row per question. Lists inside a cell are joined with " | ". */
const CSV_COLUMNS = [
	'ID',
	'Topic',
	'Kind',
	'Difficulty',
	'Level',
	'Prompt',
	'Options, items or pairs',
	'Correct answer',
	'Feedback per option',
	'Guidance',
	'Model answer',
	'Rubric',
	'Explanation',
	'Citations',
	'Tags',
	'Export notes'
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type AnswerColumn =
	| 'Options, items or pairs'
	| 'Correct answer'
	| 'Feedback per option'
	| 'Guidance'
	| 'Model answer'
	| 'Rubric';
/** A row's cells by column, all but the export notes that depend on them. */
type QuestionCells = Omit<Record<Column, string>, 'Export notes'>;

/** Separates the entries of a list held in one cell. */
const LIST = ' | ';

/** Every answer cell empty: each kind fills those it has. */
const NO_ANSWER: Record<AnswerColumn, string> = {
	'Options, items or pairs': '',
	'Correct answer': '',
	'Feedback per option': '',
	Guidance: '',
	'Model answer': '',
	Rubric: ''
};

/** The answer part of a row: what the student sees, the key, the feedback for each choice, an essay's marking guide. */
function answerCells(question: Question): Partial<Record<AnswerColumn, string>> {
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return {
				'Options, items or pairs': question.options
					.map((o, i) => `${optionLetter(i)}) ${o.text}`)
					.join(LIST),
				'Correct answer': question.options
					.flatMap((o, i) => (o.correct ? [optionLetter(i)] : []))
					.join(', '),
				'Feedback per option': question.options
					.map((o, i) => `${optionLetter(i)}) ${o.feedback}`)
					.join(LIST)
			};
		case 'true-false':
			return {
				'Options, items or pairs': ['True', 'False'].join(LIST),
				'Correct answer': question.answer ? 'True' : 'False',
				'Feedback per option': [
					`True: ${question.feedback.ifTrue}`,
					`False: ${question.feedback.ifFalse}`
				].join(LIST)
			};
		case 'ordering':
			return {
				'Options, items or pairs': question.items
					.map((item, i) => `${i + 1}) ${item.text}`)
					.join(LIST),
				'Correct answer': 'In the order listed',
				'Feedback per option': ''
			};
		case 'matching':
			return {
				'Options, items or pairs': question.pairs.map((p) => `${p.left} → ${p.right}`).join(LIST),
				'Correct answer': 'As paired',
				'Feedback per option': ''
			};
		case 'essay':
			return {
				'Correct answer': 'Marked by hand: see the model answer and the rubric',
				Guidance: question.guidance,
				'Model answer': question.modelAnswer,
				Rubric: question.rubric.map(rubricCriterionText).join(LIST)
			};
	}
}

/** Every cell of one question's row except the export notes. */
function questionCells(pack: Pack, question: Question): QuestionCells {
	return {
		ID: question.id,
		Topic: pack.topics.find((t) => t.id === question.topic)?.title ?? question.topic,
		Kind: question.kind,
		Difficulty: question.difficulty,
		Level: question.level ?? '',
		Prompt: questionParagraphs(question).join('\n\n'),
		...NO_ANSWER,
		...answerCells(question),
		Explanation: question.explanation,
		Citations: question.citations.map((c) => citationText(pack, c)).join(LIST),
		Tags: question.tags.join(', ')
	};
}

/** The note for a row whose cells a spreadsheet would take for formulas, or null if none would be. */
function formulaGuardNote(cells: QuestionCells): string | null {
	const guarded = Object.entries(cells).filter(([, value]) => looksLikeFormula(value));
	if (guarded.length === 0) return null;
	const names = guarded.map(([column]) => column).join(', ');
	return `a leading ' was added to cells that begin with = + - or @ (after any spaces or control characters), so spreadsheets show them as text instead of running them as formulas: ${names}`;
}

/** A spreadsheet with one row per question; cells a spreadsheet would run as formulas are guarded and noted. */
export const csv: Exporter = {
	label: 'CSV spreadsheet',
	extension: 'csv',
	mime: 'text/csv; charset=utf-8',
	description:
		'One row per question with its answer key, feedback, explanation and cited passages, for Excel, LibreOffice or Google Sheets (UTF-8).',
	render(pack) {
		const notes: ConversionNote[] = [];
		const rows = pack.questions.map((question) => {
			const cells = questionCells(pack, question);
			const note = formulaGuardNote(cells);
			if (note) notes.push({ questionId: question.id, action: 'converted', note });
			const row: Record<Column, string> = { ...cells, 'Export notes': note ?? '' };
			return CSV_COLUMNS.map((column) => row[column]);
		});
		return { data: csvDocument(CSV_COLUMNS, rows), notes };
	}
};
