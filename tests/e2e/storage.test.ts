import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { bankPack, firstOfKind, openQuiz, test } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Opens a practice quiz of the bank's first single and first multiple question. */
async function openTwoQuestionQuiz(page: Page, request: APIRequestContext) {
	const pack = await bankPack(request);
	const single = firstOfKind(pack, 'single');
	const multiple = firstOfKind(pack, 'multiple');
	await openQuiz(page, `ids=${single.id},${multiple.id}&mode=practice`);
	return { single, multiple };
}

test('two tabs on one quiz: an answer in one shows in the other, which says it moved on', async ({
	page,
	request
}) => {
	const { single, multiple } = await openTwoQuestionQuiz(page, request);
	const other = await page.context().newPage();
	await other.goto(page.url());
	await expect(other.locator('legend[data-question-legend]')).toBeVisible();

	const picked = single.options[1]!.text;
	await page.getByRole('radio', { name: picked }).check();
	await expect(other.getByRole('radio', { name: picked })).toBeChecked();
	await expect(
		other.getByRole('status').filter({ hasText: 'moved on in another tab' })
	).toBeVisible();

	// The other tab answers on: the first tab's answer is kept, not overwritten by a stale store.
	await button(other, 'Next').click();
	await other.getByRole('checkbox', { name: multiple.options[0]!.text }).check();
	await page.reload();
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: multiple.options[0]!.text })).toBeChecked();
	await button(page, 'Previous').click();
	await expect(page.getByRole('radio', { name: picked })).toBeChecked();
});

test('a resumed attempt whose question has left the bank says so and carries on', async ({
	page,
	request
}) => {
	const { multiple } = await openTwoQuestionQuiz(page, request);
	// The saved attempt is now on a question this version of the bank no longer has.
	await page.evaluate(() => {
		const saved = JSON.parse(localStorage.getItem('sourced:v1')!);
		const attempt = saved.inProgress[0];
		attempt.questionIds.splice(1, 0, 'gone-question');
		attempt.current = 1;
		localStorage.setItem('sourced:v1', JSON.stringify(saved));
	});
	await page.reload();
	await expect(page.getByText('Your saved attempt includes a question')).toContainText(
		'(gone-question), so it is left out: carry on with the rest'
	);
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	await page.getByRole('checkbox', { name: multiple.options[0]!.text }).check();
	await expect(button(page, 'Check')).toBeVisible();
});
