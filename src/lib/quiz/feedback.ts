import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from './answers';

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

/** How one option, pair or item of a checked answer did, for the mark shown beside it in the list. */
export type ItemMark = { mark: 'right' | 'wrong' | 'missed'; text: string };

/**
 * The marks to show in the answer list once an answer is checked, by option id (`true`/`false` for
 * true/false), pair id or item id: each choice right or wrong, each right answer not chosen, each
 * pair or item with what it should be. Options neither right nor chosen get no mark.
 */
export function itemMarks(
	question: Question,
	answer: Answer | undefined
): Record<string, ItemMark> {
	const marks: Record<string, ItemMark> = {};
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const chosen =
				answer?.kind === 'single'
					? [answer.choice]
					: answer?.kind === 'multiple'
						? answer.choices
						: [];
			for (const o of question.options) {
				const picked = chosen.includes(o.id);
				if (picked && o.correct) marks[o.id] = { mark: 'right', text: 'Your choice: right' };
				else if (picked) marks[o.id] = { mark: 'wrong', text: 'Your choice: wrong' };
				else if (o.correct)
					marks[o.id] = { mark: 'missed', text: 'A right answer you did not choose' };
			}
			return marks;
		}
		case 'true-false': {
			const given = answer?.kind === 'true-false' ? answer.value : undefined;
			for (const value of [true, false]) {
				const id = String(value);
				if (given === value)
					marks[id] =
						question.answer === value
							? { mark: 'right', text: 'Your choice: right' }
							: { mark: 'wrong', text: 'Your choice: wrong' };
				else if (question.answer === value)
					marks[id] = { mark: 'missed', text: 'The right answer' };
			}
			return marks;
		}
		case 'matching': {
			const matches = answer?.kind === 'matching' ? answer.matches : {};
			for (const p of question.pairs) {
				const given = matches[p.id];
				marks[p.id] =
					given === p.id
						? { mark: 'right', text: 'Right match' }
						: given
							? { mark: 'wrong', text: `Wrong match: it should be “${p.right}”` }
							: { mark: 'missed', text: `Not matched: it should be “${p.right}”` };
			}
			return marks;
		}
		case 'ordering': {
			const order = answer?.kind === 'ordering' ? answer.order : [];
			question.items.forEach((item, n) => {
				marks[item.id] =
					order.indexOf(item.id) === n
						? { mark: 'right', text: 'In the right place' }
						: { mark: 'wrong', text: `Belongs in place ${n + 1}` };
			});
			return marks;
		}
		case 'essay':
			// A written answer has no right or wrong parts: the rubric stands in for marks.
			return marks;
		default:
			return unhandledKind(question);
	}
}
