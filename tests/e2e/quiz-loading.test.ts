import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bankPack, firstOfKind, openQuiz } from './fixtures';

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

type Manifest = Record<string, { file: string; name?: string; imports?: string[] }>;
const manifest = (): Manifest =>
	JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')) as Manifest;

/** The key of the one built chunk of that name, e.g. `storage` for storage.ts. */
function chunkNamed(built: Manifest, name: string): string {
	const [key, ...others] = Object.keys(built).filter((k) => built[k]!.name === name);
	expect(key, `a built file named ${name}`).toBeDefined();
	expect(others).toEqual([]);
	return key!;
}

/** The address of the one built file of that name. */
function builtFile(name: string): string {
	const built = manifest();
	return `/${built[chunkNamed(built, name)]!.file}`;
}

/** The addresses of the built file of that name and of every file it imports, however deep. */
function builtCode(name: string): string[] {
	const built = manifest();
	const keys = new Set([chunkNamed(built, name)]);
	for (const key of keys) for (const imported of built[key]!.imports ?? []) keys.add(imported);
	return [...keys].map((key) => `/${built[key]!.file}`);
}

/** The built file that checks saved attempts (storage.ts with the validator generated from zod). */
const savedAttemptsChecker = () => builtFile('storage');

for (const busy of [false, true])
	test(`the code for feedback, the review and the results arrives while the first question is read, so Check fetches nothing${busy ? ', on a page that is never idle too' : ''}`, async ({
		page,
		request
	}) => {
		if (busy)
			await page.addInitScript(() => {
				// A page never idle, as on a busy phone: an idle callback runs only once its timeout is up.
				window.requestIdleCallback = (run, options) =>
					options?.timeout === undefined
						? 0
						: window.setTimeout(
								() => run({ didTimeout: true, timeRemaining: () => 0 }),
								options.timeout
							);
			});
		const ahead = ['reveal', 'marking', 'FeedbackPanel', 'ReviewScreen', 'ResultsView'].flatMap(
			builtCode
		);
		const arrived: string[] = [];
		page.on('requestfinished', (r) => {
			if (r.resourceType() === 'script') arrived.push(new URL(r.url()).pathname);
		});
		const single = firstOfKind(await bankPack(request), 'single');
		await openQuiz(page, `ids=${single.id}&mode=practice`);
		// Five idle moments, or, never idle, five timeouts of a second.
		await expect
			.poll(() => ahead.filter((file) => !arrived.includes(file)), { timeout: 15_000 })
			.toEqual([]);

		const asked: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') asked.push(new URL(r.url()).pathname);
		});
		await page.getByRole('radio', { name: single.options[0]!.text }).check();
		await page.getByRole('button', { name: 'Check', exact: true }).click();
		await expect(page.locator('[data-feedback-heading]')).toBeFocused();
		expect(asked).toEqual([]);
	});

test('a first visit never fetches the code that checks saved progress; a return visit resumes with it', async ({
	page,
	request
}) => {
	const checker = savedAttemptsChecker();
	const single = firstOfKind(await bankPack(request), 'single');
	const multiple = firstOfKind(await bankPack(request), 'multiple');
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));

	await page.goto('/');
	await page.waitForLoadState('networkidle');
	await openQuiz(page, `ids=${single.id},${multiple.id}&mode=practice`);
	const picked = single.options[1]!.text;
	await page.getByRole('radio', { name: picked }).check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await page.getByRole('checkbox', { name: multiple.options[0]!.text }).check();
	await page.waitForLoadState('networkidle');
	expect(requested).not.toContain(checker);

	// Saved progress is checked before it is used, and the attempt comes back as it was left.
	await page.reload();
	await expect(page.getByRole('group', { name: /^Question 2 of 2/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: multiple.options[0]!.text })).toBeChecked();
	expect(requested).toContain(checker);
	await page.getByRole('button', { name: 'Previous', exact: true }).click();
	await expect(page.getByRole('radio', { name: picked })).toBeChecked();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();

	// Saved progress that is not this version's is set aside, with the notice, and the quiz starts fresh.
	await page.evaluate(() => localStorage.setItem('sourced:v1', '{"version":1,"inProgress":7}'));
	await page.reload();
	await expect(page.getByRole('group', { name: /^Question 1 of 2/ })).toBeVisible();
	await expect(
		page.getByText(/could not be read, so you are starting fresh; the old data was set aside/)
	).toBeVisible();
	await expect(page.getByRole('radio', { name: picked })).not.toBeChecked();
	const setAside = await page.evaluate(() =>
		Object.keys(localStorage)
			.filter((key) => key.startsWith('sourced:set-aside:'))
			.map((key) => localStorage.getItem(key))
	);
	expect(setAside).toEqual(['{"version":1,"inProgress":7}']);

	// The home page fetches that code too once something is saved, and offers to continue.
	requested.length = 0;
	await page.goto('/');
	await expect(page.getByText(/\(practice, 0 of 2 answered\)/)).toBeVisible();
	expect(requested).toContain(checker);
});

test('a checked question shows its feedback on return even when the page is never idle, as on a busy phone', async ({
	page,
	request
}) => {
	// The code fetched ahead waits for idle moments; a page kept busy may not have one for long.
	await page.addInitScript(() => {
		window.requestIdleCallback = () => 0;
	});
	const pack = await bankPack(request);
	const single = firstOfKind(pack, 'single');
	const multiple = firstOfKind(pack, 'multiple');
	await openQuiz(page, `ids=${single.id},${multiple.id}&mode=practice`);
	await page.getByRole('radio', { name: single.options[0]!.text }).check();
	await page.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(page.locator('[data-feedback-heading]')).toBeFocused();

	// Back from reading a source, or another day: the checked question is where the attempt resumes.
	await page.reload();
	await expect(page.getByRole('group', { name: /^Question 1 of 2/ })).toBeVisible();
	await expect(page.locator('[data-feedback-heading]')).toBeVisible();
});
