import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { questionKinds } from '../../src/lib/content/vocabulary';
import {
	answerWithKeyboard,
	bankPack,
	expectNoAxeViolations,
	firstOfKind,
	openQuiz,
	test
} from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Gives some answer to the question on screen, a written one included. */
async function answerAny(page: Page) {
	const essay = page.locator('fieldset.question textarea');
	if (await essay.count())
		await essay.fill('Because the source says so, and the other one agrees.');
	else await answerWithKeyboard(page);
}

async function expectNoSideScroll(page: Page) {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

for (const width of [360, 1366]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: width === 360 ? 740 : 800 } });

		for (const kind of questionKinds) {
			test(`the ${kind} question fits the width, marks its answer in place and keeps Finish in reach`, async ({
				page,
				request
			}) => {
				test.setTimeout(90_000);
				const question = firstOfKind(await bankPack(request), kind);
				await openQuiz(page, `ids=${question.id}&mode=practice&seed=wide1`);
				await expect(page.locator('legend')).toContainText(question.prompt);
				await expectNoSideScroll(page);
				for (const select of await page.getByRole('combobox').all()) {
					const box = (await select.boundingBox())!;
					expect(box.x + box.width).toBeLessThanOrEqual(width);
				}
				await answerAny(page);
				await expectNoSideScroll(page);
				await page.getByRole('button', { name: /^(Check|Compare with the model answer)$/ }).click();
				await expect(page.locator('[data-feedback-heading]')).toBeFocused();
				await expectNoSideScroll(page);
				if (kind !== 'essay')
					await expect(page.locator('fieldset.question .mark').first()).toBeVisible();
				// The way on is on screen without scrolling through the feedback.
				await expect(button(page, 'Finish and see results')).toBeInViewport();
				if (width === 360) await expectNoAxeViolations(page);
			});
		}
	});
}

test.describe('on a 360-pixel phone, the results', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('lead with a compact summary, and the details open from a jump link', async ({ page }) => {
		test.setTimeout(120_000);
		await openQuiz(page, 'mixed=10&mode=test&seed=tall1');
		for (let i = 0; i < 9; i++) await button(page, 'Next').click();
		await button(page, 'Review and submit').click();
		await button(page, 'Submit my answers').click();
		await expect(page.locator('[data-results-heading]')).toBeFocused();
		// Ten questions fit in a few screens, not the 30,000 px of every feedback panel open.
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
		await expectNoSideScroll(page);
		await expectNoAxeViolations(page);
		const first = page.locator('ol.summary a').first();
		const target = (await first.getAttribute('href'))!;
		await first.click();
		await expect(page.locator(`${target}[open]`)).toBeInViewport();
	});
});

test('after Start, focus is on the first question, one Tab from its first option', async ({
	page
}) => {
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	await page
		.locator('ol.topics')
		.getByRole('link', { name: /^Start / })
		.first()
		.click();
	const legend = page.locator('legend[data-question-legend]');
	await expect(legend).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.locator('fieldset.question :focus')).toHaveCount(1);
});

test('progress counts distinct questions, lists what is left, and Start asks to continue or start over', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const pack = await bankPack(request);
	const question = pack.questions.find((q) => q.kind === 'true-false')!;
	for (let round = 0; round < 2; round++) {
		await openQuiz(page, `ids=${question.id}&mode=practice&seed=again${round}`);
		await page.getByRole('radio', { name: String(question.answer ? 'True' : 'False') }).check();
		await button(page, 'Check').click();
		await button(page, 'Finish and see results').click();
		await expect(page.locator('[data-results-heading]')).toBeFocused();
	}
	await page.goto('/progress');
	const topicTotal = pack.questions.filter(
		(q) => q.topic === question.topic && q.kind !== 'essay'
	).length;
	// Answered right twice, the question counts once.
	await expect(page.getByText(`1 of ${topicTotal} questions mastered`)).toBeVisible();
	await expect(page.getByRole('heading', { name: "What's left" })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto('/');
	await page.waitForLoadState('networkidle');
	await page
		.locator('ol.topics')
		.getByRole('link', { name: /^Start / })
		.first()
		.click();
	await expect(page.locator('legend[data-question-legend]')).toBeFocused();
	await answerWithKeyboard(page);
	await page.goto('/');
	const topics = page.locator('ol.topics');
	await expect(topics.getByRole('link', { name: /^Continue .*, practice mode$/ })).toHaveCount(1);
	await expect(topics.getByRole('link', { name: /^Start over .*, practice mode$/ })).toHaveCount(1);
	await expect(topics.getByText(/You have an unfinished practice attempt here/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an unknown address shows a real "Page not found" page with ways on', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Choose a quiz' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a static host serving build/404.html shows "Page not found", with and without JavaScript', async ({
	browser
}) => {
	// Static hosts answer an unknown address with 404.html: stand in for one.
	const notFound = readFileSync('build/404.html', 'utf8');
	for (const javaScriptEnabled of [false, true]) {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.route('**/no-such-page', (route) =>
			route.fulfill({ status: 404, contentType: 'text/html', body: notFound })
		);
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
		await page.getByRole('link', { name: 'Read the sources' }).click();
		await expect(page).toHaveURL(/\/sources$/);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
		expect(errors).toEqual([]);
		await context.close();
	}
});
