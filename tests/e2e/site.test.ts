import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './fixtures';
import type { Pack } from '../../src/lib/content/schema';
import { quotedPassage } from '../../src/lib/text/quoted-passage';

test('the home page lists every topic with its question count', async ({ page, request }) => {
	const pack = (await (await request.get('/packs/all.json')).json()) as Pack;
	await page.goto('/');
	await expect(page).toHaveTitle(/Sourced/);
	const topics = page
		.getByRole('list')
		.filter({ has: page.getByRole('heading', { name: pack.topics[0]!.title }) });
	const items = topics
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(items).toHaveCount(8);
	for (const topic of pack.topics) {
		const count = pack.questions.filter((q) => q.topic === topic.id).length;
		const item = items.filter({ has: page.getByRole('heading', { name: topic.title }) });
		await expect(item).toContainText(`${count} question`);
	}
});

test('a citation link opens the source with that passage highlighted and focused', async ({
	page
}) => {
	await page.goto('/glossary');
	const first = page.locator('figure.citation').first();
	const quote = (await first.locator('blockquote').textContent())!;
	await first.getByRole('link', { name: /Read in context/ }).click();
	await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+#p\d+-\d+$/);
	const anchor = new URL(page.url()).hash.slice(1);
	const highlighted = page.locator(`mark.target[data-passages~="${anchor}"]`);
	await expect(highlighted.first()).toBeVisible();
	await expect(highlighted.first()).toBeFocused();
	// The blockquote shows the passage in quotation marks; the source highlights the passage itself.
	expect(quotedPassage((await highlighted.allTextContents()).join(''))).toBe(quote);
});

test('every source page marks the passages the bank cites', async ({ page, request }) => {
	const pack = (await (await request.get('/packs/all.json')).json()) as Pack;
	for (const source of pack.sources) {
		await page.goto(`/sources/${source.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const cited = pack.questions.flatMap((q) => q.citations).filter((c) => c.source === source.id);
		for (const c of cited.slice(0, 3))
			await expect(page.locator(`[id="${c.anchor}"]`)).toHaveCount(1);
	}
});

test('every prerendered page loads under the Content Security Policy without a violation', async ({
	page
}) => {
	// Twenty-odd pages, the instructor's with the whole bank: more than one page's worth of time.
	test.slow();
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory()
				? walk(join(dir, e.name))
				: e.name.endsWith('.html')
					? [join(dir, e.name)]
					: []
		);
	const paths = walk('build').map((f) =>
		`/${relative('build', f)}`.replace(/\.html$/, '').replace(/^\/index$/, '/')
	);
	expect(paths.length).toBeGreaterThanOrEqual(20);
	for (const path of paths) {
		await page.goto(path);
		await expect(page.locator('h1').first(), path).toBeVisible();
	}
});

for (const width of [390, 1366])
	test(`at ${width} px each number of "Who said what" sits on the first line of its point`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/compare');
		const points = page.getByRole('navigation', { name: 'Points compared' }).getByRole('listitem');
		await expect(points).toHaveCount(16);
		const rows = await points.evaluateAll((items) =>
			items.map((li) => {
				const number = li.querySelector('.number')?.getBoundingClientRect();
				const link = li.querySelector('a')!.getClientRects()[0]!;
				return { text: li.textContent!.trim(), numberTop: number?.top, linkTop: link.top };
			})
		);
		for (const [i, row] of rows.entries()) {
			expect(row.text, row.text).toMatch(new RegExp(`^${i + 1}\\.`));
			expect(Math.abs(row.numberTop! - row.linkTop), row.text).toBeLessThan(4);
		}
		// A wrapped title (at 390 px several wrap) keeps its number on its first line, not its last.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
	});
