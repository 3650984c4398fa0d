import type { Question, Topic } from '../content/schema';
import { AUTHORED_ID_PREFIX } from '../content/vocabulary';
import type { Attempt } from './attempt-schema';
import type { QuestionRef } from './question-files';
import { scoreQuestion } from './scoring';

/** How far a student has got in one topic, counted over its distinct questions. */
export interface TopicProgress {
	topic: string;
	title: string;
	/** Marked questions in the topic (written answers are not marked, so not counted). */
	total: number;
	/** Distinct questions answered in a finished attempt. */
	answered: number;
	/** Distinct questions whose latest answer earned full marks. */
	mastered: number;
	/** The sum of each answered question's latest score, from 0 to `total`. */
	score: number;
}

/**
 * Progress per topic over distinct questions, each counted once by its latest answer in a finished
 * attempt (history is newest first), so retaking a quiz does not count its questions twice. Topics
 * are counted from the bank's references; answers are marked against the questions given by id
 * (at least those the history holds).
 */
export function topicProgress(
	history: readonly Attempt[],
	index: readonly QuestionRef[],
	questions: ReadonlyMap<string, Question>,
	topics: readonly Pick<Topic, 'id' | 'title'>[]
): TopicProgress[] {
	const latest = new Map<string, number>();
	for (const attempt of history)
		for (const id of attempt.questionIds) {
			const question = questions.get(id);
			if (!question || latest.has(id) || !attempt.answers[id]) continue;
			const score = scoreQuestion(question, attempt.answers[id]);
			if (score !== null) latest.set(id, score);
		}
	return topics.map(({ id, title }) => {
		const marked = index.filter((q) => q.topic === id && q.kind !== 'essay');
		const scores = marked.flatMap((q) => latest.get(q.id) ?? []);
		return {
			topic: id,
			title,
			total: marked.length,
			answered: scores.length,
			mastered: scores.filter((s) => s >= 1 - 1e-9).length,
			score: scores.reduce((a, b) => a + b, 0)
		};
	});
}

/**
 * How many distinct questions an instructor wrote (carried whole by a quiz link, `my-…` ids) were
 * answered in finished attempts: they count in their quiz's score, but mastery is of the bank's.
 */
export function instructorQuestionsAnswered(history: readonly Attempt[]): number {
	const ids = new Set<string>();
	for (const attempt of history)
		for (const id of attempt.questionIds)
			if (id.startsWith(AUTHORED_ID_PREFIX) && attempt.answers[id]) ids.add(id);
	return ids.size;
}

/** "17 of 17 questions mastered", "1 of 8 questions mastered". */
export function masteredText(p: TopicProgress): string {
	return `${p.mastered} of ${p.total} ${p.total === 1 ? 'question' : 'questions'} mastered`;
}
