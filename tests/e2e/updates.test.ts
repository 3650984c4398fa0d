import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, test } from './fixtures';

const BUILD_VERSION = (
	JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as { version: string }
).version;

/** Opens a page and waits until the service worker has installed and controls it. */
async function openControlled(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('the service worker caches this build under its version, and never /_headers', async ({
	page
}) => {
	await openControlled(page, '/');
	const stored = await page.evaluate(async () =>
		Promise.all(
			(await caches.keys()).map(async (name) => ({
				name,
				paths: (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)
			}))
		)
	);
	expect(stored.map((c) => c.name)).toEqual([`sourced-${BUILD_VERSION}`]);
	expect(stored[0]!.paths).toContain('/quiz');
	expect(stored[0]!.paths).not.toContain('/_headers');
});

test('a page comes from the network while online, so a new deploy is seen at once; the cache serves it offline', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	// Stand in for a page cached from an older build than the one the server now has.
	await page.evaluate(async (name) => {
		const cache = await caches.open(name);
		await cache.put(
			'/glossary',
			new Response('<!doctype html><title>old</title><h1>Cached from the old build</h1>', {
				headers: { 'content-type': 'text/html' }
			})
		);
	}, `sourced-${BUILD_VERSION}`);
	await page.goto('/glossary');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Cached from the old build');
	await context.setOffline(true);
	await page.goto('/glossary');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cached from the old build');
});

test.describe('a newer build', () => {
	// The stand-in deploy below registers the worker again from page script, which Trusted Types
	// refuse a plain string for; this one test lets the browser skip the page's policy to do it.
	test.use({ bypassCSP: true });

	test('an open page is told when a newer build takes over, and offered a reload', async ({
		page,
		context
	}) => {
		await openControlled(page, '/quiz?topic=compensation&mode=practice&seed=upd1');
		const notice = page.getByRole('status').filter({ hasText: /new version/ });
		await expect(notice).toHaveCount(0);
		// The deploy: the server reports another build, and a new worker installs and takes over.
		await context.route('**/_app/version.json', (route) =>
			route.fulfill({ json: { version: `${BUILD_VERSION}-next` } })
		);
		await page.evaluate(() => navigator.serviceWorker.register('/service-worker.js?next'));
		await expect(notice).toContainText('A new version of Sourced is ready.');
		await expectNoAxeViolations(page);
		const reload = notice.getByRole('button', { name: 'Reload' });
		await reload.focus();
		await expect(reload).toBeFocused();
		await context.unroute('**/_app/version.json');
		await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
		await expect(page.locator('legend[data-question-legend]')).toBeVisible();
		await expect(notice).toHaveCount(0);
	});
});

test('a tab left open hears of a new deploy within ten minutes, without reloading', async ({
	page,
	context
}) => {
	await page.clock.install();
	await page.goto('/sources');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.route('**/_app/version.json', (route) =>
		route.fulfill({ json: { version: `${BUILD_VERSION}-next` } })
	);
	await page.clock.fastForward('10:01');
	await expect(page.getByRole('status').filter({ hasText: /new version/ })).toContainText(
		'A new version of Sourced is ready.'
	);
});
