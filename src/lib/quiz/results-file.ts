import { csvDocument } from '../text/csv';
import { correctAnswer, describeAnswer } from './answers';
import { selfAssessedPoints } from './essay';
import type { Attempt, Results } from './attempt';

/** What a student hands in: the attempt, its scores and every answer, as plain data. */
export function resultsRecord(attempt: Attempt, results: Results) {
	return {
		attemptId: attempt.id,
		quiz: attempt.title,
		link: `/quiz?${attempt.query}`,
		mode: attempt.mode,
		startedAt: attempt.startedAt,
		finishedAt: attempt.finishedAt ?? null,
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

/** The same record as a spreadsheet: one row per question, attempt details repeated on each. */
export function resultsCsv(attempt: Attempt, results: Results): string {
	const record = resultsRecord(attempt, results);
	return csvDocument(
		[
			'attempt_id',
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
			'self_assessed'
		],
		record.questions.map((q) => [
			record.attemptId,
			record.finishedAt ?? record.startedAt,
			record.quiz,
			q.id,
			q.topic,
			q.kind,
			q.prompt,
			q.answer,
			q.rightAnswer,
			q.score ?? '',
			q.verdict,
			q.selfAssessed ? `${q.selfAssessed.points}/${q.selfAssessed.max}` : ''
		])
	);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
