import { expect } from '@playwright/test';
import type { Pack } from '../../src/lib/content/schema';
import { test } from './fixtures';

test('Trusted Types are enforced: a plain string given to innerHTML is refused and reported', async ({
	page,
	cspViolations
}) => {
	await page.goto('/quiz?topic=compensation&mode=practice&seed=tt1');
	await expect(page.locator('legend[data-question-legend]')).toBeVisible();
	const outcome = await page.evaluate(() => {
		try {
			document.createElement('div').innerHTML = '<img src="x">';
			return 'accepted';
		} catch (error) {
			return (error as Error).name;
		}
	});
	expect(outcome).toBe('TypeError');
	await expect
		.poll(() => [...cspViolations])
		.toEqual([expect.stringMatching(/^require-trusted-types-for blocked/)]);
	// That was the one planted violation; the fixture still fails the test on any other.
	cspViolations.length = 0;
});

test('a malformed # fragment on a source page is treated as no target, without an error', async ({
	page,
	request
}) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const source = 'ars-technica-2024-11-27';
	const pack = (await (await request.get('/packs/all.json')).json()) as Pack;
	const anchor = pack.questions
		.flatMap((q) => q.citations)
		.find((c) => c.source === source)!.anchor;

	await page.goto(`/sources/${source}#%E0%A4%A`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.evaluate(() => (location.hash = '%ZZ'));
	await page.evaluate(() => (location.hash = '%E0%A4%A'));
	await expect(page.locator('mark.target')).toHaveCount(0);
	// A well-formed fragment still finds its passage afterwards.
	await page.evaluate((id) => (location.hash = id), anchor);
	await expect(page.locator(`mark.target[data-first~="${anchor}"]`)).toBeFocused();
	expect(errors).toEqual([]);
});
