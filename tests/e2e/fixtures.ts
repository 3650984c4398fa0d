import axe from 'axe-core';
import {
	expect,
	test as base,
	type APIRequestContext,
	type Locator,
	type Page
} from '@playwright/test';
import type { Pack, QuestionKind, QuestionOf } from '../../src/lib/content/schema';

export const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The whole bank as the site publishes it. */
export async function bankPack(request: APIRequestContext): Promise<Pack> {
	return (await (await request.get('/packs/all.json')).json()) as Pack;
}

/** The first question of a kind in the bank. */
export function firstOfKind<K extends QuestionKind>(pack: Pack, kind: K): QuestionOf<K> {
	return pack.questions.find((q): q is QuestionOf<K> => q.kind === kind)!;
}

/** The first question of each kind: single, multiple, true-false, ordering, matching. */
export function oneOfEachKind(pack: Pack) {
	return [
		firstOfKind(pack, 'single'),
		firstOfKind(pack, 'multiple'),
		firstOfKind(pack, 'true-false'),
		firstOfKind(pack, 'ordering'),
		firstOfKind(pack, 'matching')
	] as const;
}

/**
 * Puts axe-core into each frame of the page that does not have it yet. It stays there until the
 * frame loads another document, so a test that checks one page several times (a quiz, question by
 * question) injects it once: injecting it for every check cost more than the check itself.
 */
async function injectAxe(page: Page): Promise<void> {
	for (const frame of page.frames()) {
		// A frame removed meanwhile has nothing left to check.
		const present = await frame.evaluate(() => 'axe' in window).catch(() => true);
		if (!present) await frame.evaluate(axe.source);
	}
}

/**
 * Fails with the list of WCAG 2 A/AA violations axe finds on the page as it is now (frames
 * included): all of it, only `within` (a CSS selector), or all `except` one part. A test that changes
 * one part of a page whose whole is checked elsewhere checks that part: on the builder with the
 * bank's rows drawn, a whole-page pass costs seconds, most of them in the colour-contrast rule.
 */
export async function expectNoAxeViolations(
	page: Page,
	scope: { within?: string; except?: string } = {}
): Promise<void> {
	for (const selector of [scope.within, scope.except])
		if (selector) await expect(page.locator(selector)).toHaveCount(1);
	await injectAxe(page);
	const violations = await page.evaluate(
		async ({ tags, within, except }) => {
			const { axe } = window as unknown as { axe: typeof import('axe-core') };
			const context: import('axe-core').ElementContext =
				within || except
					? { include: within ? [within] : [document], exclude: except ? [except] : [] }
					: document;
			const results = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
			return results.violations.map(
				(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`
			);
		},
		{ tags: WCAG_A_AA, within: scope.within, except: scope.except }
	);
	expect(violations).toEqual([]);
}

/** Opens a quiz and waits until its first question is shown. */
export async function openQuiz(page: Page, query: string): Promise<void> {
	await page.goto(`/quiz?${query}`);
	await expect(page.locator('legend[data-question-legend]')).toBeVisible();
}

/** Gives some answer to the question on screen, whatever its kind, using the keyboard only. */
export async function answerWithKeyboard(page: Page): Promise<void> {
	const form = page.locator('fieldset.question');
	const radio = form.getByRole('radio').first();
	const checkbox = form.getByRole('checkbox').first();
	const selects = form.getByRole('combobox');
	if (await radio.count()) {
		await radio.focus();
		await page.keyboard.press('Space');
	} else if (await checkbox.count()) {
		await checkbox.focus();
		await page.keyboard.press('Space');
	} else if (await selects.count()) {
		for (const select of await selects.all()) {
			await select.focus();
			await page.keyboard.press('ArrowDown');
		}
	} else {
		const down = form.getByRole('button', { name: /^Move down/ }).first();
		await down.focus();
		await page.keyboard.press('Enter');
	}
}

/**
 * Drags the mouse across a paragraph of the picker's source text, from the character where `from`
 * starts to the one where `to` starts (both inside words, as a hurried hand would).
 */
export async function dragAcross(paragraph: Locator, from: string, to: string) {
	await paragraph.scrollIntoViewIfNeeded();
	const box = await paragraph.evaluate(
		(el, [a, b]) => {
			const node = el.firstChild!;
			const text = node.textContent!;
			const range = document.createRange();
			const at = (i: number) => {
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const r = range.getBoundingClientRect();
				return { x: r.left + 2, y: r.top + r.height / 2 };
			};
			return { start: at(text.indexOf(a!)), end: at(text.indexOf(b!)) };
		},
		[from, to]
	);
	const page = paragraph.page();
	await page.mouse.move(box.start.x, box.start.y);
	await page.mouse.down();
	await page.mouse.move(box.end.x, box.end.y, { steps: 8 });
	await page.mouse.up();
}

/** The ids of the questions in the pack, in order: each item reads "<id> <prompt>". */
export async function chosenIds(page: Page): Promise<string[]> {
	const items = await page
		.getByRole('list', { name: /^Questions \(/ })
		.getByRole('listitem')
		.allTextContents();
	return items.map((text) => text.trim().split(/\s+/)[0]!);
}

/**
 * The e2e `test`: every page it opens records Content Security Policy violations, and the test fails
 * if there is any, so the strict policy is checked on every page and state the suite visits.
 */
export const test = base.extend<{ cspViolations: string[] }>({
	cspViolations: [
		async ({ context }, use) => {
			const violations: string[] = [];
			await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
				violations.push(text);
			});
			await context.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) => {
					const report = (window as unknown as { __reportCspViolation: (t: string) => void })
						.__reportCspViolation;
					report(
						`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`
					);
				});
			});
			await use(violations);
			expect(violations, 'Content Security Policy violations').toEqual([]);
		},
		{ auto: true }
	]
});
