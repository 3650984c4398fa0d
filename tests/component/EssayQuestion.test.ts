import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import FeedbackPanel from '../../src/lib/components/quiz/FeedbackPanel.svelte';
import QuestionForm from '../../src/lib/components/quiz/QuestionForm.svelte';
import ResultsView from '../../src/lib/components/quiz/ResultsView.svelte';
import { finishAttempt, indexById, setAnswer } from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
import { layoutOf } from '../../src/lib/quiz/layout';
import { attemptOf, STARTED } from '../helpers/attempts';
import { withSiteLinks } from '../helpers/links';
import { essayQuestion, singleQuestion } from '../helpers/questions';

const essay = essayQuestion();
const sourceLabels = { 'ars-technica-2024-11-27': 'Ars Technica' };

function showForm(text = '') {
	const onAnswer = vi.fn();
	render(QuestionForm, {
		question: essay,
		layout: layoutOf(essay, 's', false),
		answer: text ? { kind: 'essay', text, met: ['position'] } : undefined,
		locked: false,
		label: 'Question 1 of 3',
		onAnswer
	});
	return onAnswer;
}

describe('a written-argument question', () => {
	it('gives a labelled text area with the guidance and a word count, and saves each change', async () => {
		const onAnswer = showForm('Two words');
		const box = await screen.findByRole('textbox', { name: 'Your answer' });
		expect(box).toHaveAccessibleDescription(`${essay.guidance} 2 words`);
		await userEvent.type(box, '!');
		expect(onAnswer).toHaveBeenLastCalledWith({
			kind: 'essay',
			text: 'Two words!',
			met: ['position']
		});
	});

	it('shows a hypothetical case above the prompt, marked as hypothetical, in the legend', () => {
		const question = singleQuestion({ scenario: 'Suppose a museum offers a free residency.' });
		render(QuestionForm, {
			question,
			layout: layoutOf(question, 's', false),
			answer: undefined,
			locked: false,
			label: 'Question 1 of 3',
			onAnswer: vi.fn()
		});
		expect(
			screen.getByRole('group', {
				name: 'Question 1 of 3 Hypothetical case: Suppose a museum offers a free residency. Prompt'
			})
		).toBeInTheDocument();
	});

	it('after checking shows the model answer and lets the student tick the criteria met, apart from the score', async () => {
		const onSelfAssess = vi.fn();
		render(
			FeedbackPanel,
			withSiteLinks({
				question: essay,
				answer: { kind: 'essay' as const, text: 'My argument', met: ['evidence'] },
				score: null,
				verdict: 'written' as const,
				sourceLabels,
				onSelfAssess
			})
		);
		expect(
			screen.getByRole('heading', { name: /Written answer: not marked automatically/ })
		).toBeInTheDocument();
		expect(screen.getByText(essay.modelAnswer)).toBeInTheDocument();
		const rubric = screen.getByRole('group', { name: /Which criteria does your answer meet/ });
		expect(rubric).toHaveTextContent('Your self-assessment: 3 of 7 points');
		expect(rubric).toHaveTextContent('never added to it');
		await userEvent.click(screen.getByRole('checkbox', { name: /States a clear position/ }));
		expect(onSelfAssess).toHaveBeenCalledWith(['position', 'evidence']);
		expect(screen.queryByText('The right answer')).not.toBeInTheDocument();
	});
});

describe('the results of a quiz of written arguments only', () => {
	it('says nothing is marked automatically instead of "0 out of 0", and gives the self-assessment', () => {
		let a = attemptOf({ questionIds: [essay.id], mode: 'test' });
		a = setAnswer(a, essay.id, { kind: 'essay', text: 'An argument', met: ['counter'] }, STARTED);
		const results = resultsOf(a, indexById([essay]), [{ id: 'compensation', title: 'C' }]);
		a = finishAttempt(a, results, STARTED);
		render(
			ResultsView,
			withSiteLinks({ attempt: a, results, sourceLabels, bankVersion: 'b-test', onCite: vi.fn() })
		);
		expect(screen.getByText('Nothing in this quiz is marked automatically.')).toBeInTheDocument();
		expect(screen.queryByText(/out of 0/)).not.toBeInTheDocument();
		expect(
			screen.getByText(/Written answers: 1, not part of the score. Your self-assessment: 2 of 7/)
		).toBeInTheDocument();
	});
});
