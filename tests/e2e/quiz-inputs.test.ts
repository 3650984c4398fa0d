import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { bankPack, expectNoAxeViolations, firstOfKind, openQuiz, test } from './fixtures';

/** The built files of the answer inputs a quiz fetches only when it draws their kind. */
function inputFiles(): Record<'ordering' | 'matching' | 'essay', string> {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string }>;
	const file = (name: string) => `/${manifest[`src/lib/components/quiz/${name}.svelte`]!.file}`;
	return {
		ordering: file('OrderingInput'),
		matching: file('MatchingInput'),
		essay: file('EssayInput')
	};
}

/** Every path the page asks for, in order. */
function recordRequests(page: Page): string[] {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(new URL(request.url()).pathname));
	return requested;
}

/** Remembers whether a question ever said its answer area was still loading. */
async function watchForLoadingText(page: Page): Promise<void> {
	await page.addInitScript(() => {
		new MutationObserver(() => {
			if (document.body?.textContent?.includes('Loading the answer area'))
				document.documentElement.dataset.sawLoading = 'yes';
		}).observe(document, { childList: true, subtree: true, characterData: true });
	});
}

test('a quiz without ordering, matching or written questions never fetches their inputs', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const ids = ['single', 'multiple', 'true-false'].map(
		(kind) => pack.questions.find((q) => q.kind === kind && q.topic === 'compensation')!.id
	);
	const requested = recordRequests(page);
	await openQuiz(page, `ids=${ids.join(',')}&mode=practice&seed=plain1`);
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.locator('[data-feedback-heading]')).toBeFocused();
	await page.waitForLoadState('networkidle');
	const files = inputFiles();
	expect(requested).not.toContain(files.ordering);
	expect(requested).not.toContain(files.matching);
	expect(requested).not.toContain(files.essay);
});

test('ordering, matching and written questions work from the first one shown, never loading in view', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const ordering = firstOfKind(pack, 'ordering');
	const matching = firstOfKind(pack, 'matching');
	const essay = firstOfKind(pack, 'essay');
	await watchForLoadingText(page);
	const requested = recordRequests(page);
	await openQuiz(page, `ids=${ordering.id},${matching.id},${essay.id}&mode=practice&seed=kinds1`);

	// The inputs came with the questions: the first question's before it was shown, the others as
	// it was (and before the next was reached).
	const files = inputFiles();
	for (const file of Object.values(files)) expect(requested).toContain(file);
	const legend = page.locator('legend[data-question-legend]');
	await expect(legend).toContainText('Question 1 of 3');

	// Ordering, with the keyboard: an item moved keeps the focus on its button.
	const form = page.locator('fieldset.question');
	const down = form.getByRole('button', { name: /^Move down/ }).first();
	const moved = (await down.getAttribute('aria-label'))!.replace('Move down: ', '');
	await down.focus();
	await page.keyboard.press('Enter');
	await expect(form.getByRole('button', { name: `Move down: ${moved}` })).toBeFocused();
	await expect(page.getByText(`${moved}: now 2 of ${ordering.items.length}.`)).toBeAttached();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.locator('[data-feedback-heading]')).toBeFocused();
	await expect(form.getByText(/In the right place|Belongs in place/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// Matching: one labelled select per pair.
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(legend).toContainText('Question 2 of 3');
	const selects = form.getByRole('combobox');
	await expect(selects).toHaveCount(matching.pairs.length);
	await selects.first().selectOption({ label: matching.pairs[0]!.right });
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(form.getByText('Right match').first()).toBeVisible();

	// A written answer, with its word count.
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await page.getByRole('textbox', { name: 'Your answer' }).fill('Three short words');
	await expect(page.getByText('3 words')).toBeVisible();

	expect(await page.locator('html').getAttribute('data-saw-loading')).toBeNull();
});

test('a first question of a common kind does not wait for the inputs of later ones, which follow while it is read', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const single = firstOfKind(pack, 'single');
	const ordering = firstOfKind(pack, 'ordering');
	// The ordering input's file is held back, as on a slow connection, until the first question shows.
	const files = inputFiles();
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	let asked = false;
	await page.route(`**${files.ordering}`, async (route) => {
		asked = true;
		await held;
		await route.continue();
	});
	await watchForLoadingText(page);
	// In the link's order: the single-choice question first.
	await openQuiz(page, `ids=${single.id},${ordering.id}&mode=practice&seed=first1`);
	await expect(page.locator('legend[data-question-legend]')).toContainText('Question 1 of 2');
	await expect(page.getByRole('radio', { name: single.options[0]!.text })).toBeVisible();
	// Asked for once the questions had arrived, while the first one is on screen.
	await expect.poll(() => asked).toBe(true);
	release();
	await page.getByRole('radio', { name: single.options[0]!.text }).check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.locator('legend[data-question-legend]')).toContainText('Question 2 of 2');
	await expect(page.getByRole('button', { name: /^Move down/ }).first()).toBeVisible();
	expect(await page.locator('html').getAttribute('data-saw-loading')).toBeNull();
});
