import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, test } from './fixtures';

const BUILD_VERSION = (
	JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as { version: string }
).version;

// These tests are about the service worker, which the suite blocks elsewhere (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

/** Opens a page and waits until the service worker has installed and controls it. */
async function openControlled(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/**
 * Opens a prerendered page and waits until the app has started on it. Its heading shows before
 * that; once the page's own requests have ended, SvelteKit is running (with its error page's code
 * fetched), so links open within the app, failed code is heard, and the check for new deploys is
 * set. On a busy machine a test that went on at the heading sometimes ran ahead of the start.
 */
async function openStarted(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
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
	// Two page loads, a worker install and an axe run: slow on a busy machine.
	test.slow();

	test('an open page is told when a newer build takes over, and offered a reload', async ({
		page,
		context
	}) => {
		await openControlled(page, '/quiz?topic=compensation&mode=practice&seed=upd1');
		// The page hears of a new worker once the app has started: the first question shows then. (On a
		// busy machine the stand-in deploy's worker had sometimes taken over before that, unheard.)
		await expect(page.locator('legend[data-question-legend]')).toBeVisible();
		const notice = page.getByRole('status').filter({ hasText: /new version/ });
		await expect(notice).toHaveCount(0);
		// The deploy: the server reports another build, and a new worker installs and takes over.
		await context.route('**/_app/version.json', (route) =>
			route.fulfill({ json: { version: `${BUILD_VERSION}-next` } })
		);
		// The new worker first caches the whole build, which takes a while on a busy machine; it then
		// takes over, or, if a file could not be fetched, is discarded (and the tab keeps the old one).
		const installed = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.register('/service-worker.js?next');
			const worker = registration.installing ?? registration.waiting ?? registration.active;
			if (!worker) return 'none';
			while (worker.state !== 'activated' && worker.state !== 'redundant')
				await new Promise((changed) =>
					worker.addEventListener('statechange', changed, { once: true })
				);
			return worker.state;
		});
		expect(installed, 'the stand-in deploy’s worker installed and took over').toBe('activated');
		await expect(notice).toContainText('A new version of Sourced is ready.', { timeout: 30_000 });
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
	await openStarted(page, '/sources');
	await context.route('**/_app/version.json', (route) =>
		route.fulfill({ json: { version: `${BUILD_VERSION}-next` } })
	);
	await page.clock.fastForward('10:01');
	await expect(page.getByRole('status').filter({ hasText: /new version/ })).toContainText(
		'A new version of Sourced is ready.'
	);
});

test.describe('code that cannot be fetched', () => {
	// The worker would serve this build's code from its cache; these tests stand for a tab whose
	// files are gone from the server (a newer deploy) or out of reach (offline, nothing cached).
	test.use({ serviceWorkers: 'block' });
	test.slow();

	/** Collects the page's uncaught errors and unhandled rejections. */
	function uncaughtErrors(page: Page): string[] {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		return errors;
	}

	test('a tab on the old build offers a reload when the pack importer is gone, and keeps the pack', async ({
		page
	}) => {
		const errors = uncaughtErrors(page);
		await page.goto('/instructor');
		await expect(page.getByRole('heading', { name: 'Your pack' })).toBeVisible();
		await page.getByRole('textbox', { name: 'Title' }).fill('Week 5: kept across the reload');
		// The deploy: the old build's files are gone, and the server reports another build.
		await page.route('**/_app/immutable/**', (route) => route.fulfill({ status: 404 }));
		await page.route('**/_app/version.json', (route) =>
			route.fulfill({ json: { version: `${BUILD_VERSION}-next` } })
		);
		await page.locator('input[type="file"]').setInputFiles({
			name: 'colleague.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{}')
		});
		const notice = page.getByRole('status').filter({ hasText: /new version/ });
		await expect(notice).toContainText('A new version of Sourced is ready.');
		expect(errors).toEqual([]);
		await page.unrouteAll();
		await Promise.all([
			page.waitForEvent('load'),
			notice.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(
			'Week 5: kept across the reload'
		);
	});

	test('a page whose code cannot be fetched says so and offers a reload, with no uncaught error', async ({
		page
	}) => {
		const errors = uncaughtErrors(page);
		await openStarted(page, '/');
		await page.route('**/_app/**', (route) => route.abort('internetdisconnected'));
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Glossary' })
			.click();
		const notice = page.getByRole('status').filter({ hasText: /could not be loaded/ });
		await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
		await expect(page.getByText('Reload the page to continue.')).toBeVisible();
		expect(errors).toEqual([]);
		await page.unrouteAll();
		await Promise.all([
			page.waitForEvent('load'),
			notice.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
	});

	test('a page whose stylesheet cannot be fetched still opens, and so does the next one', async ({
		page
	}) => {
		const errors = uncaughtErrors(page);
		await openStarted(page, '/sources');
		await page.route('**/_app/immutable/assets/*.css', (route) =>
			route.abort('internetdisconnected')
		);
		// A source page's styles come as a file; each navigation waits for the files it links.
		await page
			.getByRole('main')
			.getByRole('link', { name: /Ars Technica/ })
			.first()
			.click();
		await expect(page.getByRole('region', { name: 'Text of the source' })).toBeVisible();
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Glossary' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
		expect(errors).toEqual([]);
	});

	test('lazily loaded code that nobody waits for fails quietly, with a reload offered', async ({
		page
	}) => {
		const errors = uncaughtErrors(page);
		await openStarted(page, '/');
		await page.evaluate(() => {
			const gone = '/_app/immutable/chunks/removed-by-a-deploy.js';
			void import(/* @vite-ignore */ gone);
		});
		const notice = page.getByRole('status').filter({ hasText: /could not be loaded/ });
		await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
		expect(errors).toEqual([]);
	});
});
