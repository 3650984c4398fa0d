import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuestionForm from '../../src/lib/components/quiz/QuestionForm.svelte';
import type { Question } from '../../src/lib/content/schema';
import type { Answer } from '../../src/lib/quiz/answers';
import { itemMarks } from '../../src/lib/quiz/item-marks';
import { layoutOf } from '../../src/lib/quiz/layout';
import {
	matchingQuestion,
	multipleQuestion,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

function show(question: Question, answer?: Answer, locked = false, marked = false) {
	const onAnswer = vi.fn();
	const layout = layoutOf(question, 'seed-1', false);
	const result = render(QuestionForm, {
		question,
		layout,
		answer,
		locked,
		label: 'Question 2 of 5',
		onAnswer,
		marks: marked ? itemMarks(question, answer) : undefined
	});
	return { onAnswer, ...result };
}

describe('a question form', () => {
	it('puts the prompt in the legend of a fieldset, after the question number', () => {
		show(singleQuestion({ prompt: 'What did the group call the work?' }));
		const group = screen.getByRole('group', {
			name: 'Question 2 of 5 What did the group call the work?'
		});
		expect(group.tagName).toBe('FIELDSET');
	});

	it('answers a single-answer question with radio buttons', async () => {
		const { onAnswer } = show(singleQuestion());
		await userEvent.click(screen.getByRole('radio', { name: 'Option B' }));
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'single', choice: 'b' });
		expect(screen.getAllByRole('radio')).toHaveLength(3);
	});

	it('answers a multiple-answer question with checkboxes, saying to choose all that apply', async () => {
		const { onAnswer, rerender } = show(multipleQuestion());
		expect(screen.getByText('Choose all that apply.')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('checkbox', { name: 'Right two' }));
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'multiple', choices: ['b'] });
		await rerender({ answer: { kind: 'multiple', choices: ['b'] } });
		await userEvent.click(screen.getByRole('checkbox', { name: 'Right one' }));
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'multiple', choices: ['a', 'b'] });
	});

	it('answers true or false with two radio buttons', async () => {
		const { onAnswer } = show(trueFalseQuestion());
		await userEvent.click(screen.getByRole('radio', { name: 'False' }));
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'true-false', value: false });
	});

	it('reorders items with move buttons and keeps focus on the moved item', async () => {
		const question = orderingQuestion();
		const { onAnswer, rerender } = show(question, {
			kind: 'ordering',
			order: ['shared', 'posted', 'disabled', 'paused']
		});
		expect(await screen.findByRole('button', { name: 'Move up: Videos shared' })).toBeDisabled();
		await userEvent.click(screen.getByRole('button', { name: 'Move down: Videos shared' }));
		expect(onAnswer).toHaveBeenLastCalledWith({
			kind: 'ordering',
			order: ['posted', 'shared', 'disabled', 'paused']
		});
		await rerender({
			answer: { kind: 'ordering', order: ['posted', 'shared', 'disabled', 'paused'] }
		});
		expect(document.activeElement).toHaveAccessibleName('Move down: Videos shared');
		expect(screen.getByText('Videos shared: now 2 of 4.')).toBeInTheDocument();
	});

	it('matches with one labelled select per left-hand item', async () => {
		const { onAnswer } = show(matchingQuestion());
		const select = await screen.findByRole('combobox', { name: 'around 20' });
		await userEvent.selectOptions(select, 'accused the company');
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'matching', matches: { p20: 'p20' } });
		expect(screen.getAllByRole('combobox')).toHaveLength(3);
	});

	it('shows a checked answer but does not let it change', () => {
		show(singleQuestion(), { kind: 'single', choice: 'a' }, true);
		expect(screen.getByRole('radio', { name: 'Option A' })).toBeChecked();
		expect(screen.getByRole('radio', { name: 'Option B' })).toBeDisabled();
	});

	it('marks a checked choice right or wrong in the list itself, in words as well as an icon', () => {
		show(singleQuestion(), { kind: 'single', choice: 'a' }, true, true);
		expect(screen.getByRole('radio', { name: 'Option A Your choice: wrong' })).toBeChecked();
		expect(
			screen.getByRole('radio', { name: 'Option B A right answer you did not choose' })
		).not.toBeChecked();
		expect(screen.getByRole('radio', { name: 'Option C' })).toBeInTheDocument();
	});

	it('says beside each checked matching pair whether it was wrong and what it should be', async () => {
		show(
			matchingQuestion(),
			{ kind: 'matching', matches: { p300: 'p300', p20: 'p16' } },
			true,
			true
		);
		expect(await screen.findByRole('combobox', { name: 'around 20' })).toHaveAccessibleDescription(
			'Wrong match: it should be “accused the company”'
		);
		expect(screen.getByRole('combobox', { name: 'roughly 300' })).toHaveAccessibleDescription(
			'Right match'
		);
	});

	it('says where each misplaced item of a checked order belongs', async () => {
		show(
			orderingQuestion(),
			{ kind: 'ordering', order: ['shared', 'posted', 'disabled', 'paused'] },
			true,
			true
		);
		expect(await screen.findByText('Belongs in place 1')).toBeInTheDocument();
		expect(screen.getAllByText('In the right place')).toHaveLength(2);
	});

	it('records an untouched order only once the student says it is their answer', async () => {
		const question = orderingQuestion();
		const { onAnswer, rerender } = show(question);
		expect(
			await screen.findByText('Not answered yet: move an item, or keep this order.')
		).toBeVisible();
		await userEvent.click(screen.getByRole('button', { name: 'This order is my answer' }));
		const shown = layoutOf(question, 'seed-1', false).items;
		expect(onAnswer).toHaveBeenLastCalledWith({ kind: 'ordering', order: shown });
		await rerender({ answer: { kind: 'ordering', order: shown } });
		expect(screen.queryByRole('button', { name: 'This order is my answer' })).toBeNull();
		expect(screen.getByText('Your order is recorded.', { selector: 'span' })).toBeVisible();
	});

	it('fetches the ordering input for an ordering question, saying so until it arrives', async () => {
		show(orderingQuestion());
		expect(screen.getByText('Loading the answer area…')).toBeInTheDocument();
		expect(await screen.findByRole('button', { name: 'This order is my answer' })).toBeVisible();
		expect(screen.queryByText('Loading the answer area…')).toBeNull();
	});
});
