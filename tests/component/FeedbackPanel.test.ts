import { render, screen } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import { describe, expect, it } from 'vitest';
import FeedbackPanel from '../../src/lib/components/quiz/FeedbackPanel.svelte';
import { withSiteLinks } from '../helpers/links';
import {
	multipleQuestion,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

const sourceLabels = { 'ars-technica-2024-11-27': 'Ars Technica' };
/** Renders the panel as the site shows it, its citations linking to the site's sources. */
const showFeedback = (props: ComponentProps<typeof FeedbackPanel>) =>
	render(FeedbackPanel, withSiteLinks(props));

describe('the feedback panel', () => {
	it('says Incorrect in words, gives the feedback for the picked option and the right answer', () => {
		showFeedback({
			question: singleQuestion(),
			answer: { kind: 'single', choice: 'a' },
			score: 0,
			verdict: 'incorrect',
			sourceLabels
		});
		expect(screen.getByRole('heading', { name: 'Incorrect' })).toBeInTheDocument();
		expect(screen.getByText('About “Option A”')).toBeInTheDocument();
		expect(screen.getByText('A is wrong because…')).toBeInTheDocument();
		expect(screen.getByText('The right answer').nextElementSibling).toHaveTextContent('Option B');
		expect(screen.getByText('Because the passage says so.')).toBeInTheDocument();
	});

	it('shows correctness with an icon as well as words, never by colour alone', () => {
		showFeedback({
			question: singleQuestion(),
			answer: { kind: 'single', choice: 'b' },
			score: 1,
			verdict: 'correct',
			sourceLabels
		});
		const heading = screen.getByRole('heading', { name: 'Correct' });
		expect(heading.querySelector('[aria-hidden="true"]')).toHaveTextContent('✓');
		expect(screen.queryByText('The right answer')).not.toBeInTheDocument();
	});

	it('gives the share of the mark for a partly correct answer and explains the rule', () => {
		showFeedback({
			question: multipleQuestion(),
			answer: { kind: 'multiple', choices: ['a', 'b'] },
			score: 2 / 3,
			verdict: 'partial',
			sourceLabels
		});
		expect(
			screen.getByRole('heading', { name: 'Partly correct: 67% of the mark' })
		).toBeInTheDocument();
		expect(screen.getByText(/each wrong choice takes a share away/)).toBeInTheDocument();
		expect(screen.getByText('The right answers')).toBeInTheDocument();
	});

	it('calls the right answer to an ordering question "The right order"', () => {
		showFeedback({
			question: orderingQuestion(),
			answer: { kind: 'ordering', order: ['shared', 'posted', 'disabled', 'paused'] },
			score: 1 / 3,
			verdict: 'partial',
			sourceLabels
		});
		expect(screen.getByText('The right order')).toBeInTheDocument();
		expect(screen.queryByText('The right answers')).toBeNull();
	});

	it('gives the true/false feedback written for the answer chosen', () => {
		showFeedback({
			question: trueFalseQuestion(),
			answer: { kind: 'true-false', value: true },
			score: 0,
			verdict: 'incorrect',
			sourceLabels
		});
		expect(screen.getByText('Not so, because…')).toBeInTheDocument();
		expect(screen.queryByText('Right, because…')).not.toBeInTheDocument();
	});

	it('quotes each cited passage with its outlet and a link to it in the source', () => {
		showFeedback({
			question: singleQuestion(),
			answer: undefined,
			score: 0,
			verdict: 'incorrect',
			sourceLabels
		});
		expect(screen.getByText('“roughly 300 artists”')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Read in context: Ars Technica' })).toHaveAttribute(
			'href',
			'/sources/ars-technica-2024-11-27#p10-29'
		);
	});
});
