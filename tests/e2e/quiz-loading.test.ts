import { expect, test, type Page } from '@playwright/test';
import { bankPack, openQuiz } from './fixtures';

/** The question files the page itself asks for (the service worker's own caching is not the page's). */
function recordQuestionFiles(page: Page): string[] {
	const requested: string[] = [];
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.startsWith('/quiz/questions/')) requested.push(pathname);
	});
	return requested;
}

test('a topic quiz downloads its own topic’s questions and no other topic’s', async ({ page }) => {
	const requested = recordQuestionFiles(page);
	await openQuiz(page, 'topic=red-teaming&mode=practice');
	await page.waitForLoadState('networkidle');
	expect(requested).toEqual(['/quiz/questions/red-teaming.json']);
	// The bank is not in the page either: no other topic's prompt is in its HTML.
	const html = await (await page.request.get('/quiz')).text();
	expect(html).not.toContain('"prompt"');
});

test('a link with ids from two topics fetches those two topics, in parallel, once each', async ({
	page,
	request
}) => {
	const pack = await bankPack(request);
	const first = pack.questions.find((q) => q.topic === pack.topics[0]!.id)!;
	const last = pack.questions.find((q) => q.topic === pack.topics.at(-1)!.id)!;
	const requested = recordQuestionFiles(page);
	await openQuiz(page, `ids=${last.id},${first.id}&mode=test`);
	await expect(page.getByRole('group', { name: /Question 1 of 2/ })).toContainText(
		last.prompt.slice(0, 40)
	);
	await page.waitForLoadState('networkidle');
	expect(requested.sort()).toEqual(
		[`/quiz/questions/${first.topic}.json`, `/quiz/questions/${last.topic}.json`].sort()
	);
});

test('a saved attempt resumes with its questions fetched by topic', async ({ page }) => {
	await openQuiz(page, 'mixed=5&mode=practice&seed=resume1');
	const legend = page.locator('legend[data-question-legend]');
	const firstPrompt = await legend.textContent();
	await page.getByRole('button', { name: 'Skip', exact: true }).click();
	await expect(legend).toContainText('Question 2 of 5');
	const requested = recordQuestionFiles(page);
	await page.reload();
	await expect(legend).toContainText('Question 2 of 5');
	await page.getByRole('button', { name: 'Previous', exact: true }).click();
	await expect(legend).toHaveText(firstPrompt!);
	expect(requested.length).toBeGreaterThan(0);
	expect(requested.length).toBeLessThanOrEqual(5);
});
