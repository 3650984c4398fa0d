import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import BankBrowser from '../../src/lib/components/instructor/BankBrowser.svelte';
import type { AuthoredEntry } from '../../src/lib/instructor/authored';
import { withSiteLinks } from '../helpers/links';
import { singleQuestion, trueFalseQuestion } from '../helpers/questions';

const bankQuestion = trueFalseQuestion({
	id: 'comp-03',
	prompt: 'Bank prompt about the screening'
});
const mine = singleQuestion({ id: 'my-abc123', prompt: 'My reworded prompt' });
const draft: AuthoredEntry = {
	id: 'my-draft1',
	savedAt: '2026-12-02T10:00:00.000Z',
	valid: false,
	question: { kind: 'matching', id: 'my-draft1', prompt: 'Match the outlet to its claim' }
};

/** The browser with one of your questions, a bank question and a draft; resolves once its rows show. */
async function renderBrowser(onToggle = vi.fn(), onDelete?: (id: string) => void) {
	render(
		BankBrowser,
		withSiteLinks({
			questions: [mine, bankQuestion],
			topics: [{ id: 'compensation', title: 'Compensation' }],
			sources: [],
			discrepancies: [],
			selected: [],
			onToggle,
			onAddMany: () => {},
			drafts: [draft],
			editedFrom: { 'my-abc123': 'comp-03' },
			writeHref: (params: Record<string, string>) =>
				`/instructor/write?${new URLSearchParams(params)}`,
			questionHref: (id: string) => `/quiz?ids=${id}&mode=practice`,
			onDelete
		})
	);
	// The rows draw in idle time, after the filters.
	await screen.findByRole('checkbox', { name: /Bank prompt/ });
	return onToggle;
}

const rowOf = (prompt: string) =>
	screen.getByRole('checkbox', { name: new RegExp(prompt) }).closest('li')!;

describe("the bank browser with an instructor's own questions", () => {
	it('marks your question with a "Yours" badge in its name, and links to edit it and to its original', async () => {
		await renderBrowser();
		const row = within(rowOf('My reworded prompt'));
		expect(row.getByText('Yours')).toBeInTheDocument();
		expect(row.getByRole('link', { name: 'Edit my-abc123' })).toHaveAttribute(
			'href',
			'/instructor/write?id=my-abc123'
		);
		expect(row.getByRole('link', { name: 'edited from comp-03' })).toHaveAttribute(
			'href',
			'/quiz?ids=comp-03&mode=practice'
		);
		expect(row.queryByRole('link', { name: /Duplicate and edit/ })).toBeNull();
	});

	it('offers "Duplicate and edit" on a bank question, and no badge', async () => {
		await renderBrowser();
		expect(
			screen.getByRole('checkbox', { name: 'Bank prompt about the screening' })
		).toBeInTheDocument();
		expect(within(rowOf('Bank prompt')).queryByText('Yours')).toBeNull();
		expect(
			within(rowOf('Bank prompt')).getByRole('link', { name: 'Duplicate and edit comp-03' })
		).toHaveAttribute('href', '/instructor/write?from=comp-03');
	});

	it('starts a new question of any kind', async () => {
		await renderBrowser();
		await userEvent.click(screen.getByText('New question'));
		for (const [name, kind] of [
			['Single answer', 'single'],
			['True or false', 'true-false'],
			['Written argument', 'essay']
		])
			expect(screen.getByRole('link', { name })).toHaveAttribute(
				'href',
				`/instructor/write?kind=${kind}`
			);
	});

	it('filters yours only, bank only, or all, and says how many match', async () => {
		await renderBrowser();
		const whose = screen.getByRole('group', { name: 'Whose questions' });
		await userEvent.click(within(whose).getByRole('radio', { name: 'Yours only' }));
		expect(screen.getByText(/questions match\./).textContent).toBe('1 of 2 questions match.');
		expect(screen.queryByRole('checkbox', { name: /Bank prompt/ })).toBeNull();
		expect(screen.getByRole('heading', { name: 'Your drafts' })).toBeInTheDocument();

		await userEvent.click(within(whose).getByRole('radio', { name: 'Bank only' }));
		expect(screen.queryByRole('checkbox', { name: /My reworded/ })).toBeNull();
		expect(screen.getByRole('checkbox', { name: /Bank prompt/ })).toBeInTheDocument();
		expect(screen.queryByRole('heading', { name: 'Your drafts' })).toBeNull();

		await userEvent.click(within(whose).getByRole('radio', { name: 'All' }));
		expect(screen.getAllByRole('checkbox')).toHaveLength(2);
	});

	it('shows a draft as a draft, with a link to finish it and no way to add it to the pack', async () => {
		await renderBrowser();
		const drafts = within(screen.getByRole('region', { name: 'Your drafts' }));
		const item = drafts.getByText(/Match the outlet to its claim/).closest('li')!;
		expect(within(item).getByText('Draft')).toBeInTheDocument();
		expect(item.textContent).toContain('Matching');
		expect(within(item).getByRole('link', { name: 'Finish editing my-draft1' })).toHaveAttribute(
			'href',
			'/instructor/write?id=my-draft1'
		);
		expect(within(item).queryByRole('checkbox')).toBeNull();
		expect(screen.queryByRole('checkbox', { name: /Match the outlet/ })).toBeNull();
	});

	it('adds your question to the pack like a bank question', async () => {
		const onToggle = await renderBrowser();
		await userEvent.click(screen.getByRole('checkbox', { name: /My reworded prompt/ }));
		expect(onToggle).toHaveBeenCalledWith('my-abc123', true);
	});

	it('offers Delete on your questions and drafts only, naming the one it deletes', async () => {
		const onDelete = vi.fn();
		await renderBrowser(vi.fn(), onDelete);
		expect(within(rowOf('Bank prompt')).queryByRole('button', { name: /Delete/ })).toBeNull();
		await userEvent.click(
			within(rowOf('My reworded prompt')).getByRole('button', { name: 'Delete my-abc123' })
		);
		expect(onDelete).toHaveBeenLastCalledWith('my-abc123');
		await userEvent.click(screen.getByRole('button', { name: 'Delete draft my-draft1' }));
		expect(onDelete).toHaveBeenLastCalledWith('my-draft1');
	});
});
