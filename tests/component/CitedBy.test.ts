import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import CitedBy from '../../src/lib/components/CitedBy.svelte';
import { citersForReader } from '../../src/lib/quiz/reader';

const citers = citersForReader(
	[
		{ kind: 'question', id: 'comp-03', label: 'True or false: the artists say only a few win?' },
		{ kind: 'question', id: 'comp-16', label: 'What does Ars Technica report?' },
		{ kind: 'glossary', id: 'art-washing', label: 'Art washing' }
	],
	'ReadWrite'
);
const props = {
	citers,
	id: 'citers-1',
	quizHref: (query: string) => `/quiz?${query}`,
	citerHref: (c: { id: string }) => `/glossary#${c.id}`
};

describe('CitedBy', () => {
	it('is a button that says how many cite the passage, its list closed', () => {
		render(CitedBy, props);
		const button = screen.getByRole('button', { name: 'Cited by 3' });
		expect(button).toHaveAttribute('aria-expanded', 'false');
		expect(screen.queryByRole('link')).toBeNull();
	});

	it('opens by keyboard to list the questions, each a link to practise it, and closes with Escape', async () => {
		const user = userEvent.setup();
		render(CitedBy, props);
		await user.tab();
		const button = screen.getByRole('button', { name: 'Cited by 3' });
		expect(button).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(button).toHaveAttribute('aria-expanded', 'true');
		const panel = document.getElementById('citers-1')!;
		expect(button).toHaveAttribute('aria-controls', 'citers-1');
		const [questions, others] = within(panel).getAllByRole('list');
		const items = within(questions!).getAllByRole('listitem');
		expect(items.map((i) => i.textContent)).toEqual([
			'Practise comp-03: True or false: the artists say only a few win?',
			'Practise comp-16: What does Ars Technica report?'
		]);
		expect(within(items[0]!).getByRole('link')).toHaveAttribute(
			'href',
			'/quiz?ids=comp-03&mode=practice&title=Question+comp-03'
		);
		expect(screen.getByRole('link', { name: 'Practise all 2 questions' })).toHaveAttribute(
			'href',
			'/quiz?ids=comp-03%2Ccomp-16&mode=practice&title=Questions+quoting+a+passage+of+ReadWrite'
		);
		expect(within(others!).getByRole('link', { name: 'Glossary: Art washing' })).toHaveAttribute(
			'href',
			'/glossary#art-washing'
		);

		await user.tab();
		expect(screen.getByRole('link', { name: 'Practise comp-03' })).toHaveFocus();
		await user.keyboard('{Escape}');
		expect(button).toHaveAttribute('aria-expanded', 'false');
		expect(button).toHaveFocus();
		expect(screen.queryByRole('link')).toBeNull();
	});

	it('shows the number alone when compact, still named "Cited by N"', () => {
		render(CitedBy, { ...props, compact: true });
		const button = screen.getByRole('button', { name: 'Cited by 3' });
		expect(button.textContent).toBe('3Cited by 3▾');
		expect(within(button).getByText('3')).toHaveAttribute('aria-hidden', 'true');
	});
});
