import type { Question } from '../content/schema';
import { isComplete } from './answers';
import type { Answer, Attempt, AttemptResult } from './attempt-schema';

export type { Attempt, AttemptResult, Stage, TopicScore } from './attempt-schema';

/** What starting an attempt needs: who it is and what it asks, plus the time it starts. */
export type NewAttempt = Pick<
	Attempt,
	'id' | 'quizKey' | 'query' | 'title' | 'mode' | 'seed' | 'shuffleOptions' | 'questionIds'
> & { now: string };

export function startAttempt(init: NewAttempt): Attempt {
	const { now, ...rest } = init;
	return {
		...rest,
		answers: {},
		checked: [],
		flagged: [],
		current: 0,
		stage: 'answering',
		startedAt: now,
		updatedAt: now
	};
}

const isLocked = (a: Attempt, id: string) => a.stage === 'finished' || a.checked.includes(id);

/** Records an answer; a checked (practice) or finished answer cannot change. */
export function setAnswer(a: Attempt, questionId: string, answer: Answer, now: string): Attempt {
	if (isLocked(a, questionId) || !a.questionIds.includes(questionId)) return a;
	return { ...a, answers: { ...a.answers, [questionId]: answer }, updatedAt: now };
}

/** Practice mode: locks the answer and shows its feedback. */
export function checkAnswer(a: Attempt, questionId: string, now: string): Attempt {
	if (a.mode !== 'practice' || a.checked.includes(questionId) || !a.answers[questionId]) return a;
	return { ...a, checked: [...a.checked, questionId], updatedAt: now };
}

export function toggleFlag(a: Attempt, questionId: string, now: string): Attempt {
	const flagged = a.flagged.includes(questionId)
		? a.flagged.filter((id) => id !== questionId)
		: [...a.flagged, questionId];
	return { ...a, flagged, updatedAt: now };
}

/** Moves to a question (clamped), back to answering if the student was reviewing. */
export function goTo(a: Attempt, index: number, now: string): Attempt {
	if (a.stage === 'finished') return a;
	const current = Math.min(Math.max(0, index), a.questionIds.length - 1);
	return { ...a, current, stage: 'answering', updatedAt: now };
}

/** Test mode: the review-and-confirm screen before submitting. */
export function openReview(a: Attempt, now: string): Attempt {
	return a.stage === 'finished' ? a : { ...a, stage: 'review', updatedAt: now };
}

/** Ids of questions without a complete answer, in quiz order. */
export function unanswered(a: Attempt, questions: ReadonlyMap<string, Question>): string[] {
	return a.questionIds.filter((id) => {
		const q = questions.get(id);
		return q && !isComplete(q, a.answers[id]);
	});
}

/** Submits the attempt: freezes its answers and records its scores. */
export function finishAttempt(a: Attempt, results: AttemptResult, now: string): Attempt {
	if (a.stage === 'finished') return a;
	const { score, max, byTopic } = results;
	return {
		...a,
		stage: 'finished',
		finishedAt: now,
		updatedAt: now,
		result: { score, max, byTopic }
	};
}

/**
 * Records which rubric criteria a student judges their written answer to meet. Unlike the answer
 * itself this stays open after checking and after the attempt is finished: it is a self-assessment,
 * not part of the score.
 */
export function selfAssess(a: Attempt, questionId: string, met: string[], now: string): Attempt {
	const answer = a.answers[questionId];
	if (answer?.kind !== 'essay') return a;
	return { ...a, answers: { ...a.answers, [questionId]: { ...answer, met } }, updatedAt: now };
}

/** The moment of a change, as stored in an attempt. */
export const timestamp = (): string => new Date().toISOString();

/** Questions by id, for looking up an attempt's questions. */
export function indexById(questions: readonly Question[]): ReadonlyMap<string, Question> {
	return new Map(questions.map((q) => [q.id, q]));
}

/**
 * The attempt without questions that have left the bank, on the same question as before or, if that
 * one is gone, the next one still there (the last, if none follows).
 */
export function withoutQuestions(a: Attempt, gone: readonly string[], now: string): Attempt {
	if (!a.questionIds.some((id) => gone.includes(id))) return a;
	const questionIds = a.questionIds.filter((id) => !gone.includes(id));
	const next = a.questionIds.slice(a.current).find((id) => !gone.includes(id));
	const current = next ? questionIds.indexOf(next) : Math.max(0, questionIds.length - 1);
	return { ...a, questionIds, current, updatedAt: now };
}
