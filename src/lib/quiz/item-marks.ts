import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from './answers';

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
