import { expect, type Page } from '@playwright/test';
import { bankPack, expectNoAxeViolations, test } from './fixtures';

// The instructor's own questions in the builder, seeded in localStorage as the editor
// (/instructor/write) saves them. Hook for the full authoring journey: `seedAuthored`.

const ID = 'my-e2e001';

/** Saves one of the instructor's own questions the way authored.ts does, before the page loads. */
async function seedAuthored(page: Page, entry: { id: string; [field: string]: unknown }) {
	await page.addInitScript((e: { id: string }) => {
		localStorage.setItem(`sourced:instructor:v2:authored:${e.id}`, JSON.stringify(e));
	}, entry);
}

test('the builder lists your own question with its badge, packs it, and a share link carries it to students', async ({
	page
}) => {
	test.slow();
	const pack = await bankPack(page.request);
	const original = pack.questions.find((q) => q.id === 'comp-03')!;
	await seedAuthored(page, {
		version: 1,
		id: ID,
		savedAt: '2026-12-02T10:00:00.000Z',
		editedFrom: 'comp-03',
		valid: true,
		question: {
			...original,
			id: ID,
			prompt: 'Reworded by the instructor: was the screening a reward?'
		}
	});
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();

	await page
		.getByRole('group', { name: 'Whose questions' })
		.getByRole('radio', { name: 'Yours only' })
		.check();
	await expect(page.getByText('1 of', { exact: false })).toContainText('questions match');
	const row = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: /Reworded by the instructor/ }) });
	await expect(row.getByText('Yours')).toBeVisible();
	await expect(row.getByRole('link', { name: 'edited from comp-03' })).toBeVisible();
	await expect(row.getByRole('link', { name: `Edit ${ID}` })).toHaveAttribute(
		'href',
		/\/instructor\/write\?id=my-e2e001$/
	);
	await expectNoAxeViolations(page);

	await row.getByRole('checkbox').check();
	await expect(page.getByText(/The link carries your own question whole/)).toBeVisible();
	const link = await page.getByRole('textbox', { name: 'Link to this pack' }).inputValue();
	expect(link.length).toBeLessThanOrEqual(8000);
	expect(link).toContain('own=');

	await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	await expect(
		page.getByText('Reworded by the instructor: was the screening a reward?')
	).toBeVisible();
	await expect(page.getByText(/not in this version of the bank/)).toHaveCount(0);
});
