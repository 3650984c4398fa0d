import type { Question } from '../content/schema';
import { isComplete } from './answers';
import type { Attempt } from './attempt-schema';

/** Where one question of an attempt stands, as the stepper and the review list show it. */
export interface QuestionStatus {
	/** It has a complete answer (a half-done matching does not count). */
	answered: boolean;
	/** Practice mode: its answer was checked and is locked. */
	checked: boolean;
	flagged: boolean;
}

/** Whether a question of the attempt is answered, checked and flagged. */
export function questionStatus(attempt: Attempt, question: Question): QuestionStatus {
	return {
		answered: isComplete(question, attempt.answers[question.id]),
		checked: attempt.checked.includes(question.id),
		flagged: attempt.flagged.includes(question.id)
	};
}

/** A status in words, e.g. "answered, checked" or "not answered, flagged". */
export function describeStatus(status: QuestionStatus): string {
	const parts = [status.answered ? 'answered' : 'not answered'];
	if (status.checked) parts.push('checked');
	if (status.flagged) parts.push('flagged');
	return parts.join(', ');
}
