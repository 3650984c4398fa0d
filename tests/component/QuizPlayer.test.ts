import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuizPlayer from '../../src/lib/components/quiz/QuizPlayer.svelte';
import { quizLinksContext, type QuizLinks } from '../../src/lib/components/quiz-links';
import { MemoryStorage } from '../helpers/memory-storage';
import { sessionOf, specOf } from '../helpers/sessions';

/** Links as a package without the site would give them: its own pages, no progress page, no home. */
const packageLinks: QuizLinks = {
	source: (id, anchor) => `sources/${id}.html#${anchor}`,
	quiz: (query) => `index.html?${query}`
};

/** Mounts the player on its own, as a SCORM entry point would, over a fresh session. */
function play(spec = specOf()) {
	const onCite = vi.fn();
	const session = sessionOf(new MemoryStorage(), spec);
	render(QuizPlayer, {
		props: { session, sourceLabels: { 'ars-technica-2024-11-27': 'Ars Technica' }, onCite },
		context: quizLinksContext(packageLinks)
	});
	return { onCite, live: document.querySelector('[aria-live="polite"]')!, user: userEvent.setup() };
}
const button = (name: string) => screen.getByRole('button', { name });

describe('the quiz player outside the site', () => {
	it('checks an answer: announces the verdict, focuses the feedback, cites through the links given', async () => {
		const { live, onCite, user } = play();
		await user.click(screen.getByRole('radio', { name: 'Option B' }));
		await user.click(button('Check'));

		expect(live).toHaveTextContent('Correct.');
		await waitFor(() => expect(screen.getByRole('heading', { name: 'Correct' })).toHaveFocus());
		const cite = screen.getByRole('link', { name: 'Read in context: Ars Technica' });
		expect(cite).toHaveAttribute('href', 'sources/ars-technica-2024-11-27.html#p10-29');
		await user.click(cite);
		expect(onCite).toHaveBeenCalledWith('question 1');
	});

	it('asks for an answer before checking, and names each step with its status', async () => {
		const { user } = play();
		await user.click(button('Check'));
		expect(screen.getByRole('alert')).toHaveTextContent(
			'Choose an answer first, or use Skip to leave this question for now.'
		);
		await user.click(button('Flag for review'));
		const steps = within(screen.getByRole('navigation', { name: 'Questions in this quiz' }));
		expect(
			steps.getByRole('button', { name: 'Question 1: not answered, flagged' })
		).toHaveAttribute('aria-current', 'step');
		await user.click(steps.getByRole('button', { name: 'Question 3: not answered' }));
		await waitFor(() =>
			expect(screen.getByRole('group', { name: /^Question 3 of 5/ })).toBeVisible()
		);
		expect(screen.queryByRole('alert')).not.toBeInTheDocument();
	});

	it('reviews a test before submitting, then announces the results and offers the retry', async () => {
		const { live, user } = play(
			specOf({ mode: 'test', scope: { kind: 'ids', ids: ['q-single', 'q-tf'] } })
		);
		await user.click(screen.getByRole('radio', { name: 'Option B' }));
		await user.click(button('Next'));
		await user.click(button('Review and submit'));

		await waitFor(() =>
			expect(screen.getByRole('heading', { name: 'Review before you submit' })).toHaveFocus()
		);
		expect(screen.getByText(/You have not answered question\s+2\./)).toBeInTheDocument();
		expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
			'Question 1: answered',
			'Question 2: not answered'
		]);
		await user.click(button('Submit my answers'));

		expect(live).toHaveTextContent('Results: 1 out of 2, 50%.');
		await waitFor(() =>
			expect(screen.getByRole('heading', { name: 'Your results' })).toHaveFocus()
		);
		expect(screen.getByRole('link', { name: 'Retry the ones I missed' })).toHaveAttribute(
			'href',
			expect.stringMatching(/^index\.html\?ids=q-tf&/)
		);
		expect(screen.queryByRole('link', { name: 'My progress' })).not.toBeInTheDocument();
	});

	it('says when a selection has no questions, without a link where the host has no home page', () => {
		play(specOf({ scope: { kind: 'ids', ids: [] } }));
		expect(screen.getByText('There are no questions in this selection.')).toBeInTheDocument();
		expect(screen.queryByRole('link', { name: 'Choose another quiz' })).not.toBeInTheDocument();
	});
});
