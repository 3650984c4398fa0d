import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/chromium.js';
import { atMost, figure, type Figure } from './figures';
import { progress } from './log';
import { median, percentile } from './stats';

export const QUIZ_PATH = '/quiz?mode=practice&seed=bench';
export const QUESTIONS = 50;

/** What the page reports for one Check: ms from the click to the feedback heading, and to the next frame. */
interface CheckTiming {
	toHeading: number;
	toNextFrame: number;
}

type BenchWindow = Window & { benchCheck?: Promise<CheckTiming> };

/**
 * In the page: a capture-phase click listener on the Check button notes performance.now(), and a
 * MutationObserver notes when [data-feedback-heading] is in the DOM (then the next animation frame).
 */
function armCheckTimer(): void {
	const button = [...document.querySelectorAll('button')].find(
		(b) => b.textContent?.trim() === 'Check'
	);
	if (!button) throw new Error('no Check button');
	if (document.querySelector('[data-feedback-heading]'))
		throw new Error('a feedback heading is already shown before Check');
	(window as BenchWindow).benchCheck = new Promise<CheckTiming>((resolve, reject) => {
		let clicked: number | undefined;
		const observer = new MutationObserver(() => {
			if (clicked === undefined || !document.querySelector('[data-feedback-heading]')) return;
			const toHeading = performance.now() - clicked;
			observer.disconnect();
			clearTimeout(timeout);
			requestAnimationFrame(() =>
				resolve({ toHeading, toNextFrame: performance.now() - clicked! })
			);
		});
		observer.observe(document.body, { childList: true, subtree: true });
		button.addEventListener('click', () => (clicked = performance.now()), {
			capture: true,
			once: true
		});
		const timeout = setTimeout(() => {
			observer.disconnect();
			reject(new Error('no feedback heading within 5 s of Check'));
		}, 5000);
	});
}

/**
 * Answers the question on screen as a student does: first radio, first checkbox, the first choice in
 * each select, or for ordering "This order is my answer".
 */
async function answer(page: Page): Promise<string> {
	const form = page.locator('fieldset:has([data-question-legend])');
	const radios = form.getByRole('radio');
	if (await radios.count()) {
		await radios.first().check();
		return 'radio';
	}
	const boxes = form.getByRole('checkbox');
	if (await boxes.count()) {
		await boxes.first().check();
		return 'checkbox';
	}
	const selects = form.locator('select');
	const count = await selects.count();
	if (count) {
		for (let i = 0; i < count; i++) await selects.nth(i).selectOption({ index: 1 });
		return 'select';
	}
	// Ordering: the shown order counts only once the student moves an item or says it is their answer.
	const keep = form.getByRole('button', { name: 'This order is my answer' });
	if (await keep.count()) {
		await keep.click();
		return 'ordering';
	}
	throw new Error('a question with no radio, checkbox, select or ordering to answer');
}

/**
 * Figure 3: in Chromium, a 50-question practice quiz answered question by question, timing each
 * Check inside the page. Headless, no CPU throttling.
 */
export async function measureInteraction(baseUrl: string, chromePath: string): Promise<Figure[]> {
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	const timings: CheckTiming[] = [];
	const kinds: Record<string, number> = {};
	let total: number;
	try {
		const page = await browser.newPage();
		await page.goto(baseUrl + QUIZ_PATH);
		const legend = page.locator('[data-question-legend]');
		await legend.filter({ hasText: 'Question 1 of' }).waitFor();
		total = Number(/Question 1 of (\d+)/.exec((await legend.textContent()) ?? '')?.[1]);
		if (!(total >= QUESTIONS))
			throw new Error(`the whole-module quiz has ${total} questions, fewer than ${QUESTIONS}`);
		progress(`interaction: ${QUESTIONS} of the quiz's ${total} questions`);

		for (let i = 1; i <= QUESTIONS; i++) {
			const kind = await answer(page);
			kinds[kind] = (kinds[kind] ?? 0) + 1;
			await page.evaluate(armCheckTimer);
			await page.getByRole('button', { name: 'Check', exact: true }).click();
			timings.push(await page.evaluate(() => (window as BenchWindow).benchCheck!));
			if (i === QUESTIONS) break;
			await page.getByRole('button', { name: 'Next', exact: true }).click();
			await legend.filter({ hasText: `Question ${i + 1} of` }).waitFor();
		}
	} finally {
		await browser.close();
	}

	// performance.now() in a page that is not cross-origin isolated ticks in 0.1 ms steps.
	const tenths = (ms: number) => Math.round(ms * 10) / 10;
	const toHeading = timings.map((t) => tenths(t.toHeading));
	const toFrame = timings.map((t) => tenths(t.toNextFrame));
	const details = {
		url: baseUrl + QUIZ_PATH,
		questionsInQuiz: total,
		measured: timings.length,
		answeredWith: kinds,
		percentile: 'nearest rank',
		checkToHeadingMs: toHeading,
		checkToNextFrameMs: toFrame,
		max: Math.max(...toHeading),
		browser: chromePath
	};
	return [
		figure('interaction: Check → feedback in DOM, p50', median(toHeading), 'ms', null, {
			note: `${timings.length} practice questions, headless Chromium, no CPU throttling`,
			details
		}),
		figure(
			'interaction: Check → feedback in DOM, p95',
			percentile(toHeading, 95),
			'ms',
			atMost(16),
			{
				note: `max ${Math.max(...toHeading).toFixed(1)} ms`
			}
		),
		figure('interaction: Check → next animation frame, p95', percentile(toFrame, 95), 'ms', null, {
			note: `p50 ${median(toFrame).toFixed(1)} ms; includes waiting for the frame`
		})
	];
}
