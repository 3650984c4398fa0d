import { expect, type Page } from '@playwright/test';
import { bankPack, expectNoAxeViolations, firstOfKind, test } from './fixtures';

// The question editor (/instructor/write). Hooks for the full instructor journey: the bank browser
// links here with ?from=<bank id>; a saved question's address is ?id=my-…; the form's fields are named
// by their labels, the preview is the region "Preview", the source reader opens on "Add citation".

/** The preview beside the form: one question as a student sees it in practice mode. */
const preview = (page: Page) => page.getByRole('region', { name: 'Preview', exact: true });

test('an instructor adapts a bank question: the preview follows the wording, and Check shows the feedback and its passage', async ({
	page
}) => {
	test.slow();
	const bank = await bankPack(page.request);
	const original = firstOfKind(bank, 'single');
	await page.goto(`/instructor/write?from=${original.id}`);
	await expect(
		page.getByRole('heading', { level: 1, name: `Edit a copy of question ${original.id}` })
	).toBeVisible();
	const prompt = page.getByRole('textbox', { name: 'Prompt' });
	await expect(prompt).toHaveValue(original.prompt);
	// The copy's quotations are anchored by the build's code once the sources' texts arrive.
	await expect(page.getByText(/Found in the .+ text, at characters/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	const reworded = `Reworded by an instructor: ${original.prompt}`;
	await prompt.fill(reworded);
	await expect(
		preview(page).getByRole('group', { name: /Reworded by an instructor:/ })
	).toBeVisible();

	const right = original.options.find((o) => o.correct)!;
	await preview(page).getByRole('radio', { name: right.text }).check();
	await preview(page).getByRole('button', { name: 'Check' }).click();
	const feedback = preview(page).getByRole('region', { name: /Correct/ });
	await expect(feedback).toBeVisible();
	await expect(feedback.getByText(right.feedback)).toBeVisible();
	const words = original.citations[0]!.exact.split(' ').slice(1, 5).join(' ');
	await expect(feedback.locator('blockquote').first()).toContainText(words);
	await expect(feedback.getByRole('link', { name: /^Read in context/ }).first()).toHaveAttribute(
		'target',
		'_blank'
	);
	await expectNoAxeViolations(page);

	// Saved as the instructor typed: the address now names the copy, and a reload opens it again.
	await expect(page).toHaveURL(/\/instructor\/write\?id=my-[a-z0-9]+$/);
	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(reworded);
});

test('a new question shows each problem at its field after a blur, a linked summary on Save, and the source reader on Add citation', async ({
	page
}) => {
	test.slow();
	await page.goto('/instructor/write?kind=single');
	const prompt = page.getByRole('textbox', { name: 'Prompt' });
	await prompt.focus();
	await page.keyboard.press('Tab');
	await expect(prompt).toHaveAttribute('aria-invalid', 'true');
	await expect(prompt).toHaveAccessibleDescription(/Problem: Write something here/);
	await prompt.fill('Who decides which films are screened?');
	await expect(prompt).toHaveAttribute('aria-invalid', 'false');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Save' }).click();
	const summary = page.getByRole('heading', { name: /^Saved as a draft\. \d+ problems keep it/ });
	await expect(summary).toBeVisible();
	await page.getByRole('link', { name: /^Topic: Choose the topic/ }).click();
	await expect(page.getByRole('combobox', { name: 'Topic' })).toBeFocused();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Add citation', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Cite a passage' })).toBeFocused();
	await expectNoAxeViolations(page);
});
