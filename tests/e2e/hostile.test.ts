import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { packSchema, type Pack } from '../../src/lib/content/schema';
import { XSS } from '../helpers/packs';
import { bankPack, oneOfEachKind, test } from './fixtures';

const TEXT_FIELDS = new Set([
	'title',
	'description',
	'prompt',
	'explanation',
	'text',
	'feedback',
	'ifTrue',
	'ifFalse',
	'left',
	'right',
	'outlet',
	'headline',
	'dateNote'
]);

/** A copy of a pack with one markup payload appended to every text field, payloads taken in turn. */
function poisoned(pack: Pack): Pack {
	let n = 0;
	const walk = (value: unknown, key?: string): unknown => {
		if (typeof value === 'string')
			return key && TEXT_FIELDS.has(key) ? `${value} ${XSS[n++ % XSS.length]}` : value;
		if (Array.isArray(value))
			return value.map((v) => walk(v, key === 'captureNotes' ? 'text' : undefined));
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
		return value;
	};
	return packSchema.parse(walk(pack));
}

/** Watches for any sign that a payload ran: a dialog, or the flag the payloads would set. */
async function guardAgainstScripts(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	return async () => {
		expect(dialogs).toEqual([]);
		expect(
			await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
		).toBeUndefined();
	};
}

test('a pack full of markup imports as plain text: nothing runs, and every word appears literally', async ({
	page,
	request
}) => {
	const bank = await bankPack(request);
	const pack = poisoned({ ...bank, title: 'Hostile pack', questions: [...oneOfEachKind(bank)] });
	const noScriptRan = await guardAgainstScripts(page);
	await page.goto('/instructor');
	await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
	await page.locator('input[type="file"]').setInputFiles({
		name: 'hostile.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(pack))
	});
	await expect(page.getByText(/Imported “Hostile pack <script>/)).toBeVisible();

	const listed = await page.locator('.chosen').textContent();
	for (const q of pack.questions) expect(listed).toContain(q.prompt);
	await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(pack.title);
	await expect(page.locator('.chosen script, .chosen img, .chosen svg, .chosen b')).toHaveCount(0);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Sourced pack (JSON)' }).click()
	]);
	const exported = packSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
	expect(exported.questions).toEqual(pack.questions);
	await noScriptRan();
});

test('a share link with markup in its title and instructions shows them as text', async ({
	page,
	request
}) => {
	const [single] = oneOfEachKind(await bankPack(request));
	const noScriptRan = await guardAgainstScripts(page);
	const params = new URLSearchParams({
		ids: single.id,
		mode: 'practice',
		title: `Quiz ${XSS[1]}`,
		note: `Read this ${XSS[0]} ${XSS[2]} ${XSS[5]}`
	});
	await page.goto(`/quiz?${params}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Quiz ${XSS[1]}`);
	await expect(page.locator('.instructions p')).toHaveText(
		`Read this ${XSS[0]} ${XSS[2]} ${XSS[5]}`
	);
	await expect(page.locator('main img, main svg, main script')).toHaveCount(0);
	await page.goto(`/print/custom?${params}`);
	await expect(
		page.getByRole('heading', { level: 1, name: `Quiz ${XSS[1]}`, exact: true })
	).toBeVisible();
	await noScriptRan();
});

test('hostile values in a quiz link are reported, not obeyed', async ({ page }) => {
	const noScriptRan = await guardAgainstScripts(page);
	await page.goto(
		`/quiz?mixed=${encodeURIComponent(XSS[0]!)}&mode=${encodeURIComponent(XSS[1]!)}&seed=${encodeURIComponent(XSS[3]!)}`
	);
	await expect(page.getByRole('group', { name: /^Question 1 of 10/ })).toBeVisible();
	await expect(
		page.getByText(/Mixed practice comes in 5, 10 or 20 questions, not "<script>/)
	).toBeVisible();
	await expect(
		page.getByText('The link’s shuffle code was not valid; a new one was chosen.')
	).toBeVisible();
	await noScriptRan();
});
