import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { bankPack, expectNoAxeViolations, firstOfKind, openQuiz, test } from './fixtures';

test('a written argument: write with a word count, compare with the model answer, assess it, hand it in', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const essay = firstOfKind(pack, 'essay');
	const single = firstOfKind(pack, 'single');
	await openQuiz(page, `ids=${essay.id},${single.id}&mode=practice&seed=essay1`);

	const box = page.getByRole('textbox', { name: 'Your answer' });
	await expect(page.getByText(essay.guidance)).toBeVisible();
	await box.fill('OpenAI says taking part was voluntary; the group alleges the work was unpaid.');
	await expect(page.getByText('13 words')).toBeVisible();
	await page.getByRole('button', { name: 'Compare with the model answer' }).click();

	await expect(page.locator('[data-feedback-heading]')).toBeFocused();
	await expect(page.locator('[data-feedback-heading]')).toHaveText(/Written answer/);
	await expect(page.getByText(essay.modelAnswer)).toBeVisible();
	await expect(box).toBeDisabled();
	const criteria = page.getByRole('group', { name: /Which criteria does your answer meet/ });
	await criteria.getByRole('checkbox').first().check();
	const firstPoints = essay.rubric[0]!.points;
	const total = essay.rubric.reduce((sum, c) => sum + c.points, 0);
	await expect(criteria).toContainText(`Your self-assessment: ${firstPoints} of ${total} points`);
	await expectNoAxeViolations(page);

	// The written answer and its self-assessment survive a reload.
	await page.reload();
	await expect(
		page
			.getByRole('group', { name: /Which criteria does your answer meet/ })
			.getByRole('checkbox')
			.first()
	).toBeChecked();

	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await page.getByRole('button', { name: 'Finish and see results' }).click();

	await expect(page.locator('[data-results-heading]')).toBeFocused();
	await expect(page.getByText(/out of 1\b/).first()).toBeVisible();
	await expect(
		page.getByText(
			`Written answers: 1, not part of the score. Your self-assessment: ${firstPoints} of ${total} rubric points.`
		)
	).toBeVisible();

	await page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download my results (JSON)' }).click()
	]);
	const record = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
		maxScore: number;
		questions: { id: string; answer: string; score: number | null; selfAssessed?: unknown }[];
	};
	expect(record.maxScore).toBe(1);
	expect(record.questions[0]).toMatchObject({
		id: essay.id,
		answer: 'OpenAI says taking part was voluntary; the group alleges the work was unpaid.',
		score: null,
		selfAssessed: { points: firstPoints, max: total }
	});
});
