import { expect, type Page } from '@playwright/test';
import {
	answerWithKeyboard,
	bankPack,
	expectNoAxeViolations,
	oneOfEachKind,
	openQuiz,
	test
} from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('a keyboard-only practice run through one question of each kind', async ({
	page,
	request
}) => {
	const questions = oneOfEachKind(await bankPack(request));
	await openQuiz(page, `ids=${questions.map((q) => q.id).join(',')}&mode=practice`);
	const live = page.locator('[aria-live="polite"][aria-atomic="true"]');

	for (const [i, question] of questions.entries()) {
		await expect(
			page.getByRole('group', { name: new RegExp(`^Question ${i + 1} of 5`) })
		).toBeVisible();
		await expect(page.locator('legend')).toContainText(question.prompt);
		await answerWithKeyboard(page);
		await button(page, 'Check').focus();
		await page.keyboard.press('Enter');

		const feedback = page.locator('[data-feedback-heading]');
		await expect(feedback).toBeFocused();
		await expect(feedback).toHaveText(/Correct|Partly correct|Incorrect/);
		await expect(live).toHaveText(/^(Correct\.|Partly correct: \d+% of the mark\.|Incorrect\.)$/);
		await expect(page.getByText(question.explanation)).toBeVisible();

		await button(page, i < 4 ? 'Next' : 'Finish and see results').focus();
		await page.keyboard.press('Enter');
		if (i < 4) await expect(page.locator('legend[data-question-legend]')).toBeFocused();
	}
	await expect(page.locator('[data-results-heading]')).toBeFocused();
	await expect(live).toHaveText(/^Results: .+ out of 5, \d+%\.$/);
});

test('a test-mode run ends on results with a per-topic breakdown', async ({ page, request }) => {
	const pack = await bankPack(request);
	const pick = (topic: string) =>
		pack.questions.find((q) => q.topic === topic && q.kind !== 'ordering')!;
	const ids = ['compensation', 'art-washing', 'confidentiality', 'reading-coverage'].map(
		(t) => pick(t).id
	);
	await openQuiz(page, `ids=${ids.join(',')}&mode=test&seed=e2etest1`);
	await expect(button(page, 'Check')).toHaveCount(0);
	for (let i = 0; i < 4; i++) {
		if (i !== 1) await answerWithKeyboard(page);
		await button(page, i < 3 ? 'Next' : 'Review and submit').click();
	}
	await expect(page.locator('[data-review-heading]')).toBeFocused();
	await expect(page.getByText('You have not answered question 2.')).toBeVisible();
	await button(page, 'Submit my answers').click();

	await expect(page.locator('[data-results-heading]')).toBeFocused();
	await expect(page.getByText(/^[\d.]+ out of 4$/)).toBeVisible();
	const rows = page.getByRole('table', { name: 'Score by topic' }).getByRole('row');
	await expect(rows).toHaveCount(5);
	await expect(rows.nth(2)).toContainText(/Art washing and PR value\s*0 \/ 1 \(0%\)/);
	await expectNoAxeViolations(page);
});

test('a citation opens the passage highlighted, and a link leads back to the same question', async ({
	page,
	request
}) => {
	const [single] = oneOfEachKind(await bankPack(request));
	await openQuiz(page, `ids=comp-02,${single.id}&mode=practice&seed=cite1`);
	await button(page, 'Skip').click();
	await answerWithKeyboard(page);
	await button(page, 'Check').click();
	const quizUrl = page.url();

	const citation = single.citations[0]!;
	await page
		.getByRole('link', { name: /Read in context/ })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`/sources/${citation.source}#${citation.anchor}$`));
	await expect(page.locator(`mark.target[data-first~="${citation.anchor}"]`)).toBeFocused();
	expect((await page.locator('mark.target').allTextContents()).join('')).toBe(citation.exact);

	// One way back at the top of the page and one at the passage: take the one at the top.
	await page.getByRole('link', { name: 'Back to question 2' }).first().click();
	await expect(page).toHaveURL(quizUrl);
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
});

test('a reload mid-quiz resumes at the same question with the same answers', async ({
	page,
	request
}) => {
	const [single, multiple] = oneOfEachKind(await bankPack(request));
	await openQuiz(page, `ids=${single.id},${multiple.id}&mode=practice`);
	const seeded = page.url();
	expect(seeded).toMatch(/seed=[a-z0-9]+/);
	const picked = single.options[1]!.text;
	const ticked = multiple.options.slice(0, 2).map((o) => o.text);
	await page.getByRole('radio', { name: picked }).check();
	await button(page, 'Next').click();
	for (const text of ticked) await page.getByRole('checkbox', { name: text }).check();

	await page.reload();
	await expect(page).toHaveURL(seeded);
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	for (const text of ticked) await expect(page.getByRole('checkbox', { name: text })).toBeChecked();
	await button(page, 'Previous').click();
	await expect(page.getByRole('radio', { name: picked })).toBeChecked();

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
	await page.getByRole('link', { name: 'Selected questions' }).click();
	await expect(page).toHaveURL(seeded);
	await expect(page.getByRole('radio', { name: picked })).toBeChecked();
});

test('corrupt saved data does not stop the app, and is set aside rather than deleted', async ({
	page
}) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('sourced:v1', '{"version":1,"inProgress":[{"broken":');
			sessionStorage.setItem('seeded', '1');
		}
	});
	await openQuiz(page, 'topic=art-washing&mode=practice');
	await expect(
		page.getByText(/could not be read, so you are starting fresh; the old data was set aside/)
	).toBeVisible();
	const keys = await page.evaluate(() => Object.keys(localStorage));
	expect(keys.some((k) => k.startsWith('sourced:set-aside:'))).toBe(true);
	await answerWithKeyboard(page);
	await button(page, 'Check').click();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
});

test('the quiz keeps working in memory when storage is refused', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('denied', 'SecurityError');
			}
		});
	});
	await openQuiz(page, 'topic=red-teaming&mode=practice');
	await expect(page.getByText(/not letting Sourced save your progress/)).toBeVisible();
	await answerWithKeyboard(page);
	await button(page, 'Check').click();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
});

test('an unknown question id in a link is reported, not silently dropped', async ({
	page,
	request
}) => {
	const [single] = oneOfEachKind(await bankPack(request));
	await openQuiz(page, `ids=${single.id},not-a-question-99&mode=practice`);
	await expect(page.getByText(/does not have\s+\(not-a-question-99\)/)).toBeVisible();
	await expect(page.getByRole('group', { name: /^Question 1 of 1/ })).toBeVisible();
});

test('my progress lists finished attempts with mastery by topic, and can be cleared', async ({
	page
}) => {
	await openQuiz(page, 'mixed=5&mode=test&seed=progress1');
	for (let i = 0; i < 4; i++) await button(page, 'Next').click();
	await button(page, 'Review and submit').click();
	await button(page, 'Submit my answers').click();
	await page.getByRole('link', { name: 'My progress' }).first().click();
	await expect(page.getByRole('heading', { name: 'Mastery by topic' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Mixed test: 5 questions' })).toBeVisible();
	await expectNoAxeViolations(page);
	await button(page, 'Clear my history…').click();
	await button(page, 'Yes, clear my history').click();
	await expect(page.getByText('Your history has been cleared.')).toBeFocused();
	await expect(page.getByText('No finished attempts yet.')).toBeVisible();
});

test.describe('accessibility of every page and state', () => {
	// Several axe passes a test, over pages that hold the whole bank: give them the slow-test timeout.
	test.describe.configure({ timeout: 90_000 });
	const pages = [
		'/',
		'/sources',
		'/sources/ars-technica-2024-11-27',
		'/sources/unattributed-mid-article',
		'/glossary',
		'/compare',
		'/progress'
	];
	for (const path of pages) {
		test(`axe finds no WCAG 2 A/AA violation on ${path}`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('h1')).toBeVisible();
			await expectNoAxeViolations(page);
		});
	}

	test('axe finds no violation on a question, its feedback and the results', async ({
		page,
		request
	}) => {
		// Eleven axe passes: about 15 s with two workers on a busy machine (axe is injected once).
		test.setTimeout(90_000);
		const questions = oneOfEachKind(await bankPack(request));
		await openQuiz(page, `ids=${questions.map((q) => q.id).join(',')}&mode=practice&seed=axe1`);
		for (let i = 0; i < questions.length; i++) {
			await expectNoAxeViolations(page);
			await answerWithKeyboard(page);
			await button(page, 'Check').click();
			await expectNoAxeViolations(page);
			await button(page, i < questions.length - 1 ? 'Next' : 'Finish and see results').click();
		}
		await expect(page.locator('[data-results-heading]')).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the dark colour scheme passes axe too', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await openQuiz(page, 'topic=compensation&mode=practice&seed=dark1');
		await answerWithKeyboard(page);
		await button(page, 'Check').click();
		await expectNoAxeViolations(page);
		await page.goto('/sources/ars-technica-2024-11-27');
		await expectNoAxeViolations(page);
	});
});

test.describe('on a 360-pixel phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('no page scrolls sideways, and a quiz can be taken by touch', async ({ page }) => {
		const noSideScroll = async () =>
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
		for (const path of [
			'/',
			'/sources/ars-technica-2024-11-27',
			'/glossary',
			'/compare',
			'/progress'
		]) {
			await page.goto(path);
			await expect(page.locator('h1')).toBeVisible();
			await noSideScroll();
		}
		await openQuiz(page, 'topic=confidentiality&mode=practice&seed=phone1');
		await answerWithKeyboard(page);
		await button(page, 'Check').tap();
		await expect(page.locator('[data-feedback-heading]')).toBeVisible();
		await noSideScroll();
	});
});

test.describe('offline', () => {
	// The service worker makes the site work offline; the suite blocks it elsewhere (playwright.config.ts).
	test.use({ serviceWorkers: 'allow' });

	test('once visited, the site works offline', async ({ page, context }) => {
		await page.goto('/');
		await page.evaluate(() => navigator.serviceWorker.ready);
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		await context.setOffline(true);
		await page.goto('/sources/candid-technology-2024-11');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'leaked amid artist controversy'
		);
		await openQuiz(page, 'topic=leak-mechanics&mode=practice&seed=offline1');
		await answerWithKeyboard(page);
		await button(page, 'Check').click();
		await expect(page.locator('[data-feedback-heading]')).toBeVisible();
	});
});
