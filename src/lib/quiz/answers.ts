import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from './attempt-schema';

export type { Answer } from './attempt-schema';

/** Whether an answer says something for every part of the question (a blank matching is not complete). */
export function isComplete(question: Question, answer: Answer | undefined): boolean {
	if (!answer || answer.kind !== question.kind) return false;
	switch (question.kind) {
		case 'single':
		case 'true-false':
		case 'ordering':
			return true;
		case 'multiple':
			return answer.kind === 'multiple' && answer.choices.length > 0;
		case 'matching':
			return answer.kind === 'matching' && question.pairs.every((p) => answer.matches[p.id]);
		case 'essay':
			return answer.kind === 'essay' && answer.text.trim() !== '';
		default:
			return unhandledKind(question);
	}
}
