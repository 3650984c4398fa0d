import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import BankBrowser from '../../src/lib/components/instructor/BankBrowser.svelte';
import { withSiteLinks } from '../helpers/links';
import { singleQuestion } from '../helpers/questions';

/** A bank of 30 questions, "Question 1" to "Question 30"; the last one alone mentions a whistle. */
const bank = Array.from({ length: 30 }, (_, i) =>
	singleQuestion({
		id: `comp-${String(i + 1).padStart(2, '0')}`,
		prompt: i === 29 ? 'Question 30: who blew the whistle?' : `Question ${i + 1}`
	})
);

function renderBank(onToggle = vi.fn()) {
	render(
		BankBrowser,
		withSiteLinks({
			questions: bank,
			topics: [{ id: 'compensation', title: 'Compensation' }],
			sources: [],
			discrepancies: [],
			selected: [],
			onToggle,
			onAddMany: () => {}
		})
	);
	return onToggle;
}

const rows = () => within(screen.getByRole('region', { name: 'Question bank' }));

describe('the bank browser with a long bank', () => {
	// Rows draw in idle time; jsdom has no idle callbacks, so they come by timer, slowly on a busy machine.
	it(
		'shows its filters and count at once, then every row, a few at a time',
		{ timeout: 20_000 },
		async () => {
			renderBank();
			expect(screen.getByText('30 of 30 questions match.')).toBeInTheDocument();
			expect(rows().queryAllByRole('checkbox').length).toBeLessThan(30);
			await waitFor(() => expect(rows().getAllByRole('checkbox')).toHaveLength(30), {
				timeout: 15_000
			});
			expect(rows().getByRole('checkbox', { name: 'Question 30: who blew the whistle?' })).toBe(
				rows().getAllByRole('checkbox').at(-1)
			);
		}
	);

	it('finds the last question by search at once, and adds it from the keyboard', async () => {
		const onToggle = renderBank();
		const user = userEvent.setup();
		await user.type(screen.getByRole('searchbox', { name: /Search/ }), 'whistle');
		expect(screen.getByText('1 of 30 questions match.')).toBeInTheDocument();
		const box = rows().getByRole('checkbox', { name: 'Question 30: who blew the whistle?' });
		box.focus();
		await user.keyboard(' ');
		expect(onToggle).toHaveBeenCalledWith('comp-30', true);
		expect(within(box.closest('li')!).getByText('whistle').tagName).toBe('MARK');
	});

	it('opens a row’s answers when asked, and only then draws them', async () => {
		renderBank();
		const row = (await rows().findByRole('checkbox', { name: 'Question 1' })).closest('li')!;
		expect(within(row).queryByText(/Option B/)).toBeNull();
		await userEvent.click(within(row).getByText('Show answers and sources'));
		expect(await within(row).findByText(/Option B/)).toBeInTheDocument();
	});
});
