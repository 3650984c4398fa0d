import { csvDocument } from '../text/csv';
import { correctAnswer, describeAnswer } from './answer-report';
import type { Attempt } from './attempt';
import type { Results } from './attempt-results';
import { selfAssessedPoints } from './essay';
import { HAND_IN_FORMAT, HAND_IN_VERSION } from './hand-in-format';
import type { HandIn } from './hand-in-schema';

/** Who hands the file in, and which version of the bank the quiz was taken against. */
export interface HandInContext {
	student: string;
	bankVersion: string;
}

/** What a student hands in: who, the quiz, every answer with its score, the time taken, the mode. */
export function handInRecord(attempt: Attempt, results: Results, context: HandInContext): HandIn {
	const finishedAt = attempt.finishedAt ?? null;
	return {
		format: HAND_IN_FORMAT,
		formatVersion: HAND_IN_VERSION,
		student: context.student.trim(),
		quiz: {
			title: attempt.title,
			key: attempt.quizKey,
			link: `/quiz?${attempt.query}`,
			questionIds: attempt.questionIds,
			bankVersion: context.bankVersion
		},
		attemptId: attempt.id,
		mode: attempt.mode,
		startedAt: attempt.startedAt,
		finishedAt,
		seconds: finishedAt ? secondsBetween(attempt.startedAt, finishedAt) : null,
		score: round(results.score),
		maxScore: results.max,
		percent: results.percent,
		byTopic: results.byTopic.map((t) => ({ ...t, score: round(t.score) })),
		selfAssessment: results.selfAssessment,
		questions: results.outcomes.map(({ question, answer, score, verdict }) => ({
			id: question.id,
			topic: question.topic,
			kind: question.kind,
			prompt: question.prompt,
			answer: describeAnswer(question, answer),
			rightAnswer: describeAnswer(question, correctAnswer(question)),
			response: answer ?? null,
			score: score === null ? null : round(score),
			verdict,
			...(question.kind === 'essay' && {
				selfAssessed: selfAssessedPoints(
					question.rubric,
					answer?.kind === 'essay' ? answer.met : []
				)
			})
		}))
	};
}

/**
 * The columns of a CSV hand-in. The first columns are for people (who, which question, the answer in
 * words); the rest carry what the results page needs to read the file back as the JSON hand-in.
 */
export const handInCsvHeader = [
	'student',
	'date',
	'quiz',
	'question_id',
	'topic',
	'kind',
	'prompt',
	'answer',
	'right_answer',
	'score',
	'verdict',
	'self_assessed',
	'topic_title',
	'response',
	'attempt_id',
	'mode',
	'started_at',
	'finished_at',
	'seconds',
	'total_score',
	'max_score',
	'percent',
	'quiz_key',
	'quiz_link',
	'question_ids',
	'bank_version',
	'format',
	'format_version'
] as const;
export type HandInCsvColumn = (typeof handInCsvHeader)[number];

/** The same hand-in as a spreadsheet: one row per question, the student and quiz repeated on each. */
export function handInCsv(record: HandIn): string {
	const titles = new Map(record.byTopic.map((t) => [t.topic, t.title]));
	const rows = record.questions.map((q) => {
		const row: Record<HandInCsvColumn, string | number> = {
			student: record.student,
			date: record.finishedAt ?? record.startedAt,
			quiz: record.quiz.title,
			question_id: q.id,
			topic: q.topic,
			kind: q.kind,
			prompt: q.prompt,
			answer: q.answer,
			right_answer: q.rightAnswer,
			score: q.score ?? '',
			verdict: q.verdict,
			self_assessed: q.selfAssessed ? `${q.selfAssessed.points}/${q.selfAssessed.max}` : '',
			topic_title: titles.get(q.topic) ?? '',
			response: q.response ? JSON.stringify(q.response) : '',
			attempt_id: record.attemptId,
			mode: record.mode,
			started_at: record.startedAt,
			finished_at: record.finishedAt ?? '',
			seconds: record.seconds ?? '',
			total_score: record.score,
			max_score: record.maxScore,
			percent: record.percent,
			quiz_key: record.quiz.key,
			quiz_link: record.quiz.link,
			question_ids: record.quiz.questionIds.join(','),
			bank_version: record.quiz.bankVersion,
			format: record.format,
			format_version: record.formatVersion
		};
		return handInCsvHeader.map((column) => row[column]);
	});
	return csvDocument(handInCsvHeader, rows);
}

/** Characters a file name keeps: letters, digits, spaces and a few marks every system allows. */
const UNSAFE = /[^\p{L}\p{N} .,'()_-]+/gu;

/** One part of a file name: unsafe characters become spaces, runs of spaces one, at most `max` long. */
function fileNamePart(text: string, max: number): string {
	return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/**
 * `<quiz title> - <name> - <date>.<extension>`, in characters any file system accepts; the date is
 * the day the quiz was submitted (or started), in the student's time zone.
 */
export function handInFileName(
	title: string,
	student: string,
	date: Date,
	extension: 'json' | 'csv'
): string {
	const day = [
		date.getFullYear(),
		String(date.getMonth() + 1).padStart(2, '0'),
		String(date.getDate()).padStart(2, '0')
	].join('-');
	const parts = [fileNamePart(title, 80) || 'Sourced quiz', fileNamePart(student, 60), day];
	// A name made only of dots would be a hidden file or a path on some systems.
	return `${parts.filter((p) => p && !/^\.+$/.test(p)).join(' - ')}.${extension}`;
}

/** Whole seconds from one ISO time to another, never negative. */
function secondsBetween(from: string, to: string): number | null {
	const ms = Date.parse(to) - Date.parse(from);
	return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
