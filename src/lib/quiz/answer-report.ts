import type { Question } from '../content/schema';
import type { Answer } from './attempt-schema';

// How results, the class report and hand-in files report answers: the right one, and any in words.
// Apart from answers.ts, which the quiz page needs before its first question, so it does without these.

/** The correct answer to a question, in the same shape as a student's. */
export function correctAnswer(question: Question): Answer {
	switch (question.kind) {
		case 'single':
			return { kind: 'single', choice: question.options.find((o) => o.correct)!.id };
		case 'multiple':
			return {
				kind: 'multiple',
				choices: question.options.filter((o) => o.correct).map((o) => o.id)
			};
		case 'true-false':
			return { kind: 'true-false', value: question.answer };
		case 'ordering':
			return { kind: 'ordering', order: question.items.map((i) => i.id) };
		case 'matching':
			return {
				kind: 'matching',
				matches: Object.fromEntries(question.pairs.map((p) => [p.id, p.id]))
			};
		case 'essay':
			// No answer is the right one: the model answer meets every criterion of the rubric.
			return { kind: 'essay', text: question.modelAnswer, met: question.rubric.map((c) => c.id) };
	}
}

/** An answer in words, for results, review and downloads: "B. Unpaid labour", "True", "1. x → 2. y". */
export function describeAnswer(question: Question, answer: Answer | undefined): string {
	if (!answer || answer.kind !== question.kind) return 'No answer';
	switch (answer.kind) {
		case 'single':
		case 'multiple': {
			if (question.kind !== 'single' && question.kind !== 'multiple') return 'No answer';
			const ids = answer.kind === 'single' ? [answer.choice] : answer.choices;
			const texts = question.options.filter((o) => ids.includes(o.id)).map((o) => o.text);
			return texts.length ? texts.join('; ') : 'No answer';
		}
		case 'true-false':
			return answer.value ? 'True' : 'False';
		case 'ordering': {
			if (question.kind !== 'ordering') return 'No answer';
			const text = new Map(question.items.map((i) => [i.id, i.text]));
			return answer.order.map((id, n) => `${n + 1}. ${text.get(id) ?? id}`).join('; ');
		}
		case 'matching': {
			if (question.kind !== 'matching') return 'No answer';
			const right = new Map(question.pairs.map((p) => [p.id, p.right]));
			return question.pairs
				.map((p) => `${p.left} → ${right.get(answer.matches[p.id] ?? '') ?? '(none)'}`)
				.join('; ');
		}
		case 'essay':
			return answer.text.trim() || 'No answer';
	}
}
