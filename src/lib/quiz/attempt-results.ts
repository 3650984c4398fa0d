import type { Question, Topic } from '../content/schema';
import type { Answer, Attempt, AttemptResult } from './attempt-schema';
import { selfAssessedPoints } from './essay';
import { scoreQuestion, verdictOf, type Verdict } from './scoring';

// Marking: what an attempt's answers score, one by one and in total. The quiz page loads this after
// the first question is shown (see marking.ts), since nothing is marked before a Check or the end.

/** One answer marked: its score (null for a written answer, which the machine does not mark) and verdict. */
export function outcomeOf(question: Question, answer: Answer | undefined) {
	const score = scoreQuestion(question, answer);
	return { answer, score, verdict: verdictOf(score) };
}

export interface QuestionOutcome {
	question: Question;
	answer?: Answer;
	/** From 0 to 1; null for a written answer, which the machine does not mark. */
	score: number | null;
	verdict: Verdict;
	flagged: boolean;
}

/** The student's own marks for their written answers: apart from the score, never added to it. */
export interface SelfAssessment {
	/** Written-argument questions in the attempt. */
	count: number;
	points: number;
	max: number;
}

export interface Results extends AttemptResult {
	percent: number;
	outcomes: QuestionOutcome[];
	selfAssessment: SelfAssessment;
}

/** Scores every question of an attempt and totals them, overall and by topic (in the bank's topic order). */
export function resultsOf(
	a: Attempt,
	questions: ReadonlyMap<string, Question>,
	topics: readonly Pick<Topic, 'id' | 'title'>[]
): Results {
	const outcomes = a.questionIds.flatMap((id) => {
		const question = questions.get(id);
		if (!question) return [];
		return [{ question, ...outcomeOf(question, a.answers[id]), flagged: a.flagged.includes(id) }];
	});
	const marked = outcomes.flatMap((o) => (o.score === null ? [] : [{ ...o, score: o.score }]));
	const byTopic = topics
		.map((t) => {
			const mine = marked.filter((o) => o.question.topic === t.id);
			return {
				topic: t.id,
				title: t.title,
				score: sum(mine.map((o) => o.score)),
				max: mine.length
			};
		})
		.filter((t) => t.max > 0);
	const score = sum(marked.map((o) => o.score));
	const max = marked.length;
	return {
		score,
		max,
		percent: max ? Math.round((score / max) * 100) : 0,
		byTopic,
		outcomes,
		selfAssessment: selfAssessmentOf(outcomes)
	};
}

/** The self-assessed points of every written answer, totalled. */
function selfAssessmentOf(outcomes: readonly QuestionOutcome[]): SelfAssessment {
	let count = 0;
	let points = 0;
	let max = 0;
	for (const { question, answer } of outcomes) {
		if (question.kind !== 'essay') continue;
		const own = selfAssessedPoints(question.rubric, answer?.kind === 'essay' ? answer.met : []);
		count++;
		points += own.points;
		max += own.max;
	}
	return { count, points, max };
}

/** Ids of marked questions not fully right: the "retry the ones I missed" set. */
export function missedIds(results: Results): string[] {
	return results.outcomes
		.filter((o) => o.verdict !== 'correct' && o.verdict !== 'written')
		.map((o) => o.question.id);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
