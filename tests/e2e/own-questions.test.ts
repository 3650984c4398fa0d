import { expect, type Page } from '@playwright/test';
import type { Question } from '../../src/lib/content/schema';
import { bankPack, expectNoAxeViolations, test } from './fixtures';

// An instructor's own questions over their life: deleted (packs keep them), arriving in a
// colleague's pack file, answered by students from a share link, and cited from any passage.

const ID = 'my-e2e002';
const PROMPT = 'Reworded by the instructor: was the screening a reward?';

/** Saves one of the instructor's own questions the way authored.ts does, before the page loads. */
async function seedAuthored(page: Page, question: Question, editedFrom?: string) {
	const entry = { version: 1, id: question.id, savedAt: '2026-12-02T10:00:00.000Z', editedFrom };
	await page.addInitScript(
		(e: { id: string }) => {
			// Only once: a reload must show what the page saved, not this seed again.
			if (sessionStorage.getItem(`seeded:${e.id}`)) return;
			sessionStorage.setItem(`seeded:${e.id}`, '1');
			localStorage.setItem(`sourced:instructor:v2:authored:${e.id}`, JSON.stringify(e));
		},
		{ ...entry, valid: true, question }
	);
}

async function reworded(page: Page, id = ID, prompt = PROMPT): Promise<Question> {
	const pack = await bankPack(page.request);
	return { ...pack.questions.find((q) => q.id === 'comp-03')!, id, prompt };
}

test('deleting your question keeps it in the pack that uses it, says so, and Undo brings it back', async ({
	page
}) => {
	test.slow();
	await seedAuthored(page, await reworded(page), 'comp-03');
	await page.goto('/instructor');
	const chosen = page.getByRole('list', { name: /^Questions \(/ });
	const row = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('checkbox', { name: new RegExp(PROMPT) }) });
	await row.getByRole('checkbox').check();
	await expect(chosen).toContainText(PROMPT);

	await row.getByRole('button', { name: `Delete ${ID}` }).click();
	const status = page.getByRole('status').filter({ hasText: 'Deleted your question' });
	await expect(status).toHaveText(
		/Deleted your question my-e2e002\. Your pack “Untitled pack” keeps its copy of it, so it prints and exports as before\./
	);
	await expect(page.getByRole('button', { name: `Undo deleting ${ID}` })).toBeFocused();
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toHaveCount(0);
	await expect(chosen).toContainText(PROMPT);
	await expectNoAxeViolations(page);

	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: `Put back your question ${ID}.` })
	).toBeVisible();
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toBeFocused();

	// Deleted for good: after a reload the pack still has the question whole.
	await row.getByRole('button', { name: `Delete ${ID}` }).click();
	await expect(status).toBeVisible();
	await page.reload();
	await expect(chosen).toContainText(PROMPT);
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toHaveCount(0);
	await expect(page.getByText(/no longer ready in this browser/)).toHaveCount(0);
});

test('the editor deletes the question after asking, and Undo brings the editor back', async ({
	page
}) => {
	await seedAuthored(page, await reworded(page), 'comp-03');
	await page.goto(`/instructor/write?id=${ID}`);
	await page.getByRole('button', { name: 'Delete…' }).click();
	await expect(page.getByText(`Delete ${ID} from this browser?`)).toBeFocused();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: `Yes, delete ${ID}` }).click();
	await expect(page.getByText(`Deleted your question ${ID}.`)).toBeFocused();
	await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText(`Put back your question ${ID}.`)).toBeFocused();
	await expect(page.getByRole('textbox', { name: /Prompt/ }).first()).toHaveValue(PROMPT);
	await page.goto('/instructor');
	await expect(page.getByRole('checkbox', { name: new RegExp(PROMPT) })).toBeVisible();
});
