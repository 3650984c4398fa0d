import type { BuiltReading, BuiltTopic, Objective, Question } from '../content/schema';
import { levels } from '../content/vocabulary';
import { quizQuery } from '../quiz/link';
import { estimateMinutes } from '../quiz/timing';
import { printedQuestion, type PrintedQuestion } from './worksheet';

/** The length of the quiz a seminar guide suggests, in minutes. */
export const SEMINAR_QUIZ_MINUTES = 10;

/**
 * A short quiz from these questions: as many as fit in `minutes` by `estimateMinutes`, taken in
 * turn from each cognitive level (recall first, questions without a level last) so that the quiz
 * mixes them, in bank order within a level. Written arguments are left out: they are not marked
 * and take longer than such a quiz. The same questions always give the same quiz.
 */
export function suggestedQuiz(
	questions: readonly Question[],
	minutes = SEMINAR_QUIZ_MINUTES
): Question[] {
	const marked = questions.filter((q) => q.kind !== 'essay');
	const queues = [...levels, undefined].map((level) => marked.filter((q) => q.level === level));
	const chosen: Question[] = [];
	while (queues.some((queue) => queue.length > 0))
		for (const queue of queues) {
			const next = queue.shift();
			if (next && estimateMinutes([...chosen, next]) <= minutes) chosen.push(next);
		}
	return chosen;
}

/** What a seminar on one topic needs, in the order the guide prints it. */
export interface SeminarGuide {
	title: string;
	objectives: Objective[];
	/** The passages to read first, each with its anchor in its source and a note. */
	readings: BuiltReading[];
	discussion: string[];
	/** The topic's written-argument prompts, laid out with their rubrics. */
	essays: PrintedQuestion[];
	quiz: {
		questions: Question[];
		minutes: number;
		/** The quiz link's query string (for /quiz, or /print/custom to print it). */
		query: string;
	};
}

/** A topic's seminar guide from its authored guide and its questions; undefined if it has no guide. */
export function seminarGuide(
	topic: BuiltTopic,
	questions: readonly Question[]
): SeminarGuide | undefined {
	if (!topic.seminar) return undefined;
	const mine = questions.filter((q) => q.topic === topic.id);
	const quiz = suggestedQuiz(mine);
	const title = `${SEMINAR_QUIZ_MINUTES}-minute quiz: ${topic.title}`;
	return {
		title: topic.title,
		objectives: topic.objectives,
		readings: topic.seminar.readings,
		discussion: topic.seminar.discussion,
		essays: mine.flatMap((q) => (q.kind === 'essay' ? [printedQuestion(q)] : [])),
		quiz: {
			questions: quiz,
			minutes: estimateMinutes(quiz),
			query: quizQuery({
				scope: { kind: 'ids', ids: quiz.map((q) => q.id) },
				difficulty: 'any',
				mode: 'practice',
				shuffleOptions: true,
				shuffleQuestions: false,
				title
			})
		}
	};
}
