import { expect } from '@playwright/test';
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
