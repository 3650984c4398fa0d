import { expect, type Page } from '@playwright/test';
import type { Pack } from '../../src/lib/content/schema';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { answerWithKeyboard, bankPack, expectNoAxeViolations, openQuiz, test } from './fixtures';

/** A passage that two to four questions quote, with those questions' ids. */
function passageOfSeveralQuestions(pack: Pack) {
	const byPlace = new Map<
		string,
		{ source: string; anchor: string; exact: string; ids: string[] }
	>();
	for (const q of pack.questions)
		for (const c of q.citations) {
			const place = byPlace.get(`${c.source}#${c.anchor}`) ?? { ...c, ids: [] };
			if (!place.ids.includes(q.id)) place.ids.push(q.id);
			byPlace.set(`${c.source}#${c.anchor}`, place);
		}
	return [...byPlace.values()].find((p) => p.ids.length >= 2 && p.ids.length <= 4)!;
}

declare global {
	interface Window {
		/** The target passage's underline as it took focus (set by a test's init script). */
		__styleAtFocus?: string;
	}
}

// Source pages hold the whole text and its passages, and axe runs in several states a test.
test.describe.configure({ timeout: 90_000 });

const sourceText = (page: Page) => page.getByRole('region', { name: 'Text of the source' });
const noSideScroll = async (page: Page) =>
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 1366, height: 768 }
])
	test(`at ${viewport.width} px a link highlights its passage alone, in view and focused`, async ({
		page,
		request
	}) => {
		await page.setViewportSize(viewport);
		const passage = passageOfSeveralQuestions(await bankPack(request));
		await page.goto(`/sources/${passage.source}#${passage.anchor}`);

		const target = sourceText(page).locator('mark.target');
		await expect(target.first()).toBeFocused();
		expect((await target.allTextContents()).join('')).toBe(passage.exact);
		// Only the target is marked: no other cited passage, and one "Cited by" button, the target's.
		await expect(sourceText(page).locator('mark:not(.target)')).toHaveCount(0);
		await expect(sourceText(page).getByRole('button')).toHaveCount(1);
		await expect(sourceText(page).getByRole('button')).toHaveAccessibleName(/^Cited by \d+$/);

		const box = (await target.first().boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		// Readable: body-sized text, not squeezed into a sliver of the screen.
		const { fontSize, width } = await sourceText(page).evaluate((el) => ({
			fontSize: parseFloat(getComputedStyle(el).fontSize),
			width: el.getBoundingClientRect().width
		}));
		expect(fontSize).toBeGreaterThanOrEqual(16);
		expect(width).toBeGreaterThanOrEqual(Math.min(viewport.width - 40, 640));
		await noSideScroll(page);
		await expectNoAxeViolations(page);
	});

test('the "Cited by" button lists the questions that quote the passage, by keyboard, and each link practises them', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const passage = passageOfSeveralQuestions(pack);
	await page.goto(`/sources/${passage.source}#${passage.anchor}`);
	await expect(sourceText(page).locator('mark.target').first()).toBeFocused();

	// The button sits just before the passage: one Shift+Tab from it.
	await page.keyboard.press('Shift+Tab');
	const button = sourceText(page).getByRole('button', { name: /^Cited by \d+$/ });
	await expect(button).toBeFocused();
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
	const questions = panel.getByRole('list').first().getByRole('listitem');
	await expect(questions).toHaveCount(passage.ids.length);
	const listed = await questions.allTextContents();
	expect(listed.map((text) => text.match(/^Practise ([a-z0-9-]+): /)?.[1]).sort()).toEqual(
		[...passage.ids].sort()
	);
	for (const text of listed) {
		const id = text.match(/^Practise ([a-z0-9-]+): /)![1];
		const prompt = pack.questions.find((q) => q.id === id)!.prompt.replace(/\s+/g, ' ');
		expect(text).toContain(prompt.slice(0, 30));
	}
	await expectNoAxeViolations(page);

	// Tab goes into the list; Escape closes it and puts focus back on the button.
	await page.keyboard.press('Tab');
	await expect(panel.getByRole('link', { name: /^Practise / }).first()).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(button).toBeFocused();
	await expect(panel).toBeHidden();

	await page.keyboard.press('Space');
	await panel.getByRole('link', { name: `Practise ${passage.ids[1]}` }).click();
	await expect(page.getByRole('group', { name: /^Question 1 of 1/ })).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Question ${passage.ids[1]}`);

	await page.goBack();
	await button.click();
	await panel.getByRole('link', { name: `Practise all ${passage.ids.length} questions` }).click();
	await expect(
		page.getByRole('group', { name: new RegExp(`^Question 1 of ${passage.ids.length}`) })
	).toBeVisible({ timeout: 15_000 });
});

test('"Show all cited passages" marks every passage subtly, each with its button, and hides them again', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const passage = passageOfSeveralQuestions(pack);
	await page.goto(`/sources/${passage.source}#${passage.anchor}`);
	const marks = sourceText(page).locator('mark');
	const toggle = page.getByRole('checkbox', { name: 'Mark every cited passage in the text' });
	await expect(toggle).not.toBeChecked();

	await toggle.check();
	const anchors = await sourceText(page)
		.locator('.anchor')
		.evaluateAll((els) => els.map((e) => e.id));
	expect(anchors.length).toBeGreaterThan(5);
	const firsts = await marks.evaluateAll((els) =>
		els.flatMap((e) => (e.getAttribute('data-first') ?? '').split(' ').filter(Boolean))
	);
	expect(new Set(firsts)).toEqual(new Set(anchors));
	await expect(sourceText(page).locator('mark:not(.target)').first()).toBeVisible();
	expect((await sourceText(page).locator('mark.target').allTextContents()).join('')).toBe(
		passage.exact
	);
	await expect(
		sourceText(page)
			.getByRole('button', { name: /^Cited by \d+$/ })
			.nth(1)
	).toBeVisible();
	await expectNoAxeViolations(page);

	await toggle.uncheck();
	await expect(sourceText(page).locator('mark:not(.target)')).toHaveCount(0);
});

test('"Back to question N" is at the top of the page and at the passage, and both return to the question', async ({
	page,
	request
}) => {
	const passage = passageOfSeveralQuestions(await bankPack(request));
	await openQuiz(page, `ids=${passage.ids[0]}&mode=practice&seed=back1`);
	await answerWithKeyboard(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	const quizUrl = page.url();
	const citation = page
		.locator('figure.citation')
		.filter({ hasText: passage.exact })
		.getByRole('link', { name: /Read in context/ });
	await citation.click();
	await expect(page).toHaveURL(new RegExp(`#${passage.anchor}$`));

	const backLinks = page.getByRole('link', { name: 'Back to question 1' });
	await expect(backLinks).toHaveCount(2);
	const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
	expect((await backLinks.first().boundingBox())!.y).toBeLessThan(heading.y);
	const atPassage = sourceText(page).getByRole('link', { name: 'Back to question 1' });
	await expect(atPassage).toBeInViewport();
	await expectNoAxeViolations(page);

	// From the passage, the next Tab is the way back.
	await page.keyboard.press('Tab');
	await expect(atPassage).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(quizUrl, { timeout: 15_000 });
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();

	await page.goBack();
	await backLinks.first().click();
	await expect(page).toHaveURL(quizUrl, { timeout: 15_000 });
});

test('on a slow connection, "Read in context" waits for the source page’s styles, then shows the passage in view', async ({
	page,
	request
}) => {
	const passage = passageOfSeveralQuestions(await bankPack(request));
	await page.addInitScript(() => {
		addEventListener('focusin', ({ target }) => {
			if (target instanceof HTMLElement && target.matches('mark.target'))
				window.__styleAtFocus = getComputedStyle(target).borderBottomWidth;
		});
	});
	await openQuiz(page, `ids=${passage.ids[0]}&mode=practice&seed=slow1`);
	await answerWithKeyboard(page);
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	// The quiz page's styles are in its HTML; the source page's come as a file, slowly.
	await page.route('**/_app/immutable/assets/*.css', async (route) => {
		await new Promise((wait) => setTimeout(wait, 1500));
		await route.continue();
	});
	await page
		.locator('figure.citation')
		.filter({ hasText: passage.exact })
		.getByRole('link', { name: /Read in context/ })
		.click();

	const target = sourceText(page).locator('mark.target').first();
	await expect(target).toBeFocused({ timeout: 10_000 });
	// Styled from the moment it is shown: the passage has its thick underline as it takes focus.
	expect(await page.evaluate(() => window.__styleAtFocus)).toBe('3px');
	await expect(target).toBeInViewport();
	await expect(sourceText(page).getByRole('link', { name: 'Back to question 1' })).toBeInViewport();
});

test('a malformed or unknown # fragment says the passage could not be found, without a page error', async ({
	page,
	request
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const passage = passageOfSeveralQuestions(await bankPack(request));
	const notice = page.getByRole('status').filter({ hasText: 'could not be found' });

	await page.goto(`/sources/${passage.source}#%E0%A4%A`);
	await expect(notice).toHaveText(
		/The passage this link points to could not be found in this source\./
	);
	await expect(page.locator('mark')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.evaluate((anchor) => (location.hash = anchor), passage.anchor);
	await expect(notice).toHaveCount(0);
	await expect(sourceText(page).locator('mark.target').first()).toBeFocused();

	await page.evaluate(() => (location.hash = 'p1-2'));
	await expect(notice).toBeVisible();
	await expect(page.locator('mark.target')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the list of cited passages: "Go to passage" highlights and focuses the passage, marks its entry, and one link practises the questions quoting it', async ({
	page,
	request
}) => {
	const passage = passageOfSeveralQuestions(await bankPack(request));
	await page.goto(`/sources/${passage.source}`);
	// Nothing is marked until a passage is asked for.
	await expect(sourceText(page).locator('mark')).toHaveCount(0);
	const list = page.getByRole('region', { name: 'Cited passages' }).getByRole('list');
	expect(await list.getByRole('listitem').count()).toBeGreaterThan(5);
	// The entry whose quotation is exactly this passage (shorter passages sit inside longer ones).
	const entry = list
		.getByRole('listitem')
		.filter({ has: page.getByText(quotedPassage(passage.exact), { exact: true }) });
	await expect(entry).toHaveCount(1);
	// One link for the passage's questions, naming each, rather than a link a question.
	const practise = entry.getByRole('link', {
		name: `practise questions ${passage.ids.join(', ')}`,
		exact: true
	});
	await expect(practise).toHaveCount(1);
	await expect(entry.getByRole('link', { name: /^practise/ })).toHaveCount(1);

	await entry.getByRole('link', { name: 'Go to passage' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`#${passage.anchor}$`));
	const target = sourceText(page).locator('mark.target');
	await expect(target.first()).toBeFocused();
	expect((await target.allTextContents()).join('')).toBe(passage.exact);
	await expect(entry).toHaveClass(/\btarget\b/);
	await expect(list.locator('li.target')).toHaveCount(1);
	await expectNoAxeViolations(page);

	await practise.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Questions quoting a passage of',
		{ timeout: 15_000 }
	);
	await expect(
		page.getByRole('navigation', { name: 'Questions in this quiz' }).getByRole('button')
	).toHaveCount(passage.ids.length);
});

test('a source page reached from the list of sources shows its text and passages, and marking them all can be undone', async ({
	page,
	request
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const pack = await bankPack(request);
	const source = pack.sources.find((s) => s.id === 'ars-technica-2024-11-27')!;
	await page.goto('/sources');
	// A link inside the site: the browser draws the page itself rather than loading it.
	await page.getByRole('link', { name: source.label, exact: true }).click();
	// The list's own heading stays until the source page's route has arrived and is drawn.
	await expect(page).toHaveURL(`/sources/${source.id}`);
	const anchors = sourceText(page).locator('.anchor');
	await expect(anchors.first()).toBeAttached();
	const count = await anchors.count();
	expect(count).toBeGreaterThan(5);
	await expect(
		page.getByRole('region', { name: 'Cited passages' }).getByRole('listitem')
	).toHaveCount(count);
	const text = await sourceText(page).textContent();

	const toggle = page.getByRole('checkbox', { name: 'Mark every cited passage in the text' });
	await toggle.check();
	await expect(sourceText(page).locator('mark').first()).toBeVisible();
	await toggle.uncheck();
	await expect(sourceText(page).locator('mark')).toHaveCount(0);
	await expect(anchors).toHaveCount(count);
	expect(await sourceText(page).textContent()).toBe(text);
	expect(errors).toEqual([]);
});

test('the skip link’s #main is a place on the page, not a missing passage', async ({ page }) => {
	await page.goto('/sources/readwrite-2024-11');
	await page.getByRole('link', { name: 'Skip to content' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.getByRole('main')).toBeFocused();
	await expect(page.getByText('could not be found')).toHaveCount(0);
});

test.describe('on a 360-pixel phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('the reader never scrolls sideways: target, open list, every passage marked', async ({
		page,
		request
	}) => {
		const passage = passageOfSeveralQuestions(await bankPack(request));
		await page.goto(`/sources/${passage.source}#${passage.anchor}`);
		await expect(sourceText(page).locator('mark.target').first()).toBeInViewport();
		await noSideScroll(page);
		await sourceText(page).getByRole('button').tap();
		await expect(
			sourceText(page)
				.getByRole('link', { name: /^Practise / })
				.first()
		).toBeVisible();
		await noSideScroll(page);
		await page.getByRole('checkbox', { name: 'Mark every cited passage in the text' }).tap();
		await expect(sourceText(page).locator('mark:not(.target)').first()).toBeVisible();
		await noSideScroll(page);
		await expectNoAxeViolations(page);
	});
});
