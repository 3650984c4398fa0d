import { readFileSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import { bankPack, expectNoAxeViolations, firstOfKind, openQuiz, test } from './fixtures';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** The table of finished attempts, one row each under its header row. */
const finished = (page: Page) =>
	page.getByRole('table', { name: /finished attempts/ }).getByRole('row');

/** Finishes a one-question practice quiz, so that the browser has a finished attempt to keep. */
async function finishOneQuestion(page: Page, id: string, seed: string) {
	await openQuiz(page, `ids=${id}&mode=practice&seed=${seed}`);
	await page.locator('fieldset.question input').first().check();
	await button(page, 'Check').click();
	await button(page, 'Finish and see results').click();
	await expect(page.locator('[data-results-heading]')).toBeFocused();
}

/** Saves "My progress" to a file, as the student would, and gives its name and text. */
async function saveProgress(page: Page) {
	await page.goto('/progress');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		button(page, 'Save my progress to a file').click()
	]);
	return {
		name: download.suggestedFilename(),
		text: readFileSync((await download.path())!, 'utf8')
	};
}

async function restore(page: Page, name: string, text: string) {
	await page.getByLabel('Restore from a file saved here before').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
}

/** A browser of the student's own with nothing saved: another computer, or Safari after a week. */
async function freshBrowser(browser: Browser) {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

test('progress saved to a file comes back in another browser, and a second restore asks first', async ({
	page,
	browser,
	request
}) => {
	// Two browsers, two quizzes and an axe pass: slower than most tests on a busy machine.
	test.slow();
	const pack = await bankPack(request);
	const single = firstOfKind(pack, 'single');
	const truefalse = firstOfKind(pack, 'true-false');
	await finishOneQuestion(page, single.id, 'keep1');
	const file = await saveProgress(page);
	expect(file.name).toMatch(/^Sourced progress - \d{4}-\d{2}-\d{2}\.json$/);

	const other = await freshBrowser(browser);
	await other.page.goto('/progress');
	await expect(other.page.getByText('No finished attempts yet.')).toBeVisible();
	await restore(other.page, file.name, file.text);
	await expect(other.page.locator('[data-restored]')).toBeFocused();
	await expect(other.page.locator('[data-restored]')).toHaveText('Restored: 1 attempt added.');
	await expect(finished(other.page)).toHaveCount(2);

	// This browser now has an attempt of its own: restoring asks before changing anything.
	await finishOneQuestion(other.page, truefalse.id, 'keep2');
	await other.page.goto('/progress');
	const rows = finished(other.page);
	await expect(rows).toHaveCount(3);
	const edited = file.text.replace(/"id": "[^"]+"/, '"id": "attempt-from-laptop"');
	await restore(other.page, file.name, edited);
	const question = other.page.locator('[data-restore-question]');
	await expect(question).toBeFocused();
	await expect(question).toContainText('has 1 attempt this browser does not have');
	await expectNoAxeViolations(other.page);
	await button(other.page, 'Cancel').click();
	await expect(rows).toHaveCount(3);
	await restore(other.page, file.name, edited);
	await button(other.page, 'Restore from the file').click();
	await expect(other.page.locator('[data-restored]')).toHaveText('Restored: 1 attempt added.');
	await expect(rows).toHaveCount(4);
	await other.page.reload();
	await expect(finished(other.page)).toHaveCount(4);
	await other.context.close();
});

test('a damaged progress file is refused at its JSON path and changes nothing', async ({
	page,
	request
}) => {
	test.slow();
	const pack = await bankPack(request);
	await finishOneQuestion(page, firstOfKind(pack, 'single').id, 'keep3');
	const file = await saveProgress(page);
	await restore(page, 'damaged.json', file.text.replace('"mode": "practice"', '"mode": "exam"'));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('damaged.json could not be restored; nothing was changed.');
	await expect(alert).toContainText('$.history[0].mode');
	await expect(finished(page)).toHaveCount(2);
	await restore(page, 'a-pack.json', '{"title": "Week 3", "questions": []}');
	await expect(alert).toContainText('This is not a progress file saved from "My progress".');
	await expectNoAxeViolations(page);
});

/** The built file that checks a chosen progress file, and the one of its imports that is zod. */
function fileReaderCode(): { reader: string; zod: string } {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string; imports?: string[] }>;
	const reader = manifest['src/lib/quiz/progress-file-read.ts']!;
	const zod = (reader.imports ?? [])
		.map((key) => manifest[key]!.file)
		.find((file) => readFileSync(`build/${file}`, 'utf8').includes('$ZodObject'))!;
	return { reader: `/${reader.file}`, zod: `/${zod}` };
}

test('saved progress shows without the file-checking code, which arrives only for a restore', async ({
	page,
	request
}) => {
	test.slow();
	const pack = await bankPack(request);
	await finishOneQuestion(page, firstOfKind(pack, 'single').id, 'keep4');
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	const file = await saveProgress(page);
	await expect(finished(page)).toHaveCount(2);
	await expect(page.getByRole('table', { name: /finished attempts/ })).toContainText('%');
	await page.waitForLoadState('networkidle');
	const { reader, zod } = fileReaderCode();
	expect(requested).not.toContain(reader);
	expect(requested).not.toContain(zod);

	await restore(page, file.name, file.text.replace('"mode": "practice"', '"mode": "exam"'));
	await expect(page.getByRole('alert')).toContainText('$.history[0].mode');
	expect(requested).toContain(reader);
	expect(requested).toContain(zod);
});
