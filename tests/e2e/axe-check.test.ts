import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';

// The suite's accessibility check injects axe-core itself (once per document), so this checks that
// it still fails where it should: on the page, within a part, not in an excluded part, in a frame.
test('the accessibility check fails on a button without a name, wherever it is on the page', async ({
	page
}) => {
	await page.goto('/');
	await expectNoAxeViolations(page);

	await page.evaluate(() => {
		const nameless = document.createElement('button');
		nameless.id = 'nameless';
		document.querySelector('main')!.append(nameless);
	});
	await expect(expectNoAxeViolations(page)).rejects.toThrow(/button-name/);
	await expect(expectNoAxeViolations(page, { within: '#nameless' })).rejects.toThrow(/button-name/);
	await expectNoAxeViolations(page, { except: '#nameless' });

	await page.evaluate(() => {
		document.getElementById('nameless')!.remove();
		const frame = document.createElement('iframe');
		frame.title = 'Glossary';
		frame.src = '/glossary';
		document.querySelector('main')!.append(frame);
	});
	await expect(page.frameLocator('iframe').locator('h1')).toBeVisible();
	await expectNoAxeViolations(page);
	await page
		.frameLocator('iframe')
		.locator('main')
		.evaluate((main) => main.append(document.createElement('button')));
	await expect(expectNoAxeViolations(page)).rejects.toThrow(/button-name/);
});
