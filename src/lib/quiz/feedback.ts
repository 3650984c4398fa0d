import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from './answers';

// The marks beside a checked answer's options live apart, so the quiz page can load them later.
export { itemMarks, type ItemMark } from './item-marks';

/** The feedback written for what the student picked: one entry per chosen option, or the true/false line. */
export function feedbackFor(
	question: Question,
	answer: Answer | undefined
): { label: string; text: string }[] {
	if (!answer) return [];
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const chosen =
				answer.kind === 'single'
					? [answer.choice]
					: answer.kind === 'multiple'
						? answer.choices
						: [];
			return question.options
				.filter((o) => chosen.includes(o.id))
				.map((o) => ({ label: o.text, text: o.feedback }));
		}
		case 'true-false':
			if (answer.kind !== 'true-false') return [];
			return [
				{
					label: answer.value ? 'True' : 'False',
					text: answer.value ? question.feedback.ifTrue : question.feedback.ifFalse
				}
			];
		case 'ordering':
		case 'matching':
			// No feedback is written per item or pair: the right order or pairs are shown instead.
			return [];
		case 'essay':
			// A written answer is compared with the model answer and the rubric instead.
			return [];
		default:
			return unhandledKind(question);
	}
}

/** The right answer in words, for the feedback panel. */
export function rightAnswerText(question: Question): string[] {
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return question.options.filter((o) => o.correct).map((o) => o.text);
		case 'true-false':
			return [question.answer ? 'True' : 'False'];
		case 'ordering':
			return question.items.map((i, n) => `${n + 1}. ${i.text}`);
		case 'matching':
			return question.pairs.map((p) => `${p.left} → ${p.right}`);
		case 'essay':
			return [question.modelAnswer];
	}
}
