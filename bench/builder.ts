import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/chromium.js';
import { loadBank } from '../src/lib/content/load';
import { atMost, figure, type Figure } from './figures';
import { progress } from './log';
import { median, percentile } from './stats';
import { packAtTheLimits } from './synthetic';

export const BUILDER_PATH = '/instructor';
/** Keystrokes typed into the title, one every KEY_DELAY_MS (a quick typist). */
export const KEYSTROKES = 40;
const KEY_DELAY_MS = 60;
/** How long after the last keystroke to watch for the saving write. */
const SETTLE_MS = 1500;

interface Keystroke {
	/** keydown → every handler run and the DOM updated (script only: no style, layout or paint). */
	toDom: number;
	/** keydown → the next animation frame, with the layout of that frame forced. */
	toFrame: number;
}
interface Write {
	key: string;
	chars: number;
	ms: number;
	at: number;
}
interface Recorded {
	keystrokes: Keystroke[];
	writes: Write[];
	/** performance.now() of every animation frame while recording. */
	frames: number[];
	lastKeyAt: number;
}
type BenchWindow = Window & { benchBuilder?: Recorded };

/** In the page, before its own code: times every localStorage write. */
function recordWrites(): void {
	const recorded: Recorded = { keystrokes: [], writes: [], frames: [], lastKeyAt: 0 };
	(window as BenchWindow).benchBuilder = recorded;
	const setItem = Storage.prototype.setItem;
	Storage.prototype.setItem = function (key: string, value: string) {
		const start = performance.now();
		try {
			return setItem.call(this, key, value);
		} finally {
			recorded.writes.push({ key, chars: value.length, ms: performance.now() - start, at: start });
		}
	};
}

/** In the page: times each keystroke in the focused field, and notes every frame. */
function armKeystrokeTimer(): void {
	const recorded = (window as BenchWindow).benchBuilder!;
	let pending: number | undefined;
	document.addEventListener(
		'keydown',
		() => {
			pending = performance.now();
			recorded.lastKeyAt = pending;
		},
		{ capture: true }
	);
	// Bubbling on window: runs after the field's own input handler. Svelte updates the DOM in a
	// microtask queued by that handler, so a few microtasks later every update is done (a task
	// would come too late: the browser may render a frame before it).
	window.addEventListener('input', () => {
		const start = pending!;
		let chain = Promise.resolve();
		for (let i = 0; i < 5; i++) chain = chain.then(() => undefined);
		void chain.then(() => {
			const toDom = performance.now() - start;
			requestAnimationFrame(() => {
				void document.body.offsetHeight;
				recorded.keystrokes.push({ toDom, toFrame: performance.now() - start });
			});
		});
	});
	const frame = (t: number) => {
		recorded.frames.push(t);
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * In Chromium, a pack at the limits (1,000 questions, 4.96 MB) imported into the builder, then
 * KEYSTROKES characters typed into its title: each keystroke timed to the DOM and to the next frame,
 * every localStorage write timed, and the longest frame gap once typing stops (the saving write).
 */
export async function measureBuilderTyping(baseUrl: string, chromePath: string): Promise<Figure[]> {
	const pack = packAtTheLimits(loadBank());
	const file = Buffer.from(JSON.stringify(pack));
	progress(`builder: importing a ${pack.questions.length}-question, ${file.length} B pack`);
	const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
	let recorded: Recorded;
	let importMs: number;
	try {
		const page = await browser.newPage();
		// tsx keeps function names by wrapping inner functions in __name(), which the page lacks.
		await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
		await page.addInitScript(recordWrites);
		await page.goto(baseUrl + BUILDER_PATH);
		await page.getByRole('heading', { name: 'Your pack' }).waitFor();
		const started = performance.now();
		await page.getByLabel('Choose a pack file…').setInputFiles({
			name: 'limits.json',
			mimeType: 'application/json',
			buffer: file
		});
		const title = page.getByRole('textbox', { name: 'Title' });
		await page
			.getByRole('heading', { name: new RegExp(`^Questions \\(${pack.questions.length}\\b`) })
			.waitFor({ timeout: 60_000 });
		importMs = performance.now() - started;
		await page.waitForTimeout(SETTLE_MS);
		await page.evaluate(() => {
			const r = (window as BenchWindow).benchBuilder!;
			r.writes = [];
		});
		await title.click();
		await title.press('End');
		await page.evaluate(armKeystrokeTimer);
		await title.pressSequentially(' edited by the bench, keystroke by key'.slice(0, KEYSTROKES), {
			delay: KEY_DELAY_MS
		});
		await page.waitForTimeout(SETTLE_MS);
		recorded = await page.evaluate(() => (window as BenchWindow).benchBuilder!);
	} finally {
		await browser.close();
	}

	const toDom = recorded.keystrokes.map((k) => tenths(k.toDom));
	const toFrame = recorded.keystrokes.map((k) => tenths(k.toFrame));
	const typingWrites = recorded.writes.filter((w) => w.at <= recorded.lastKeyAt);
	const saves = recorded.writes.filter((w) => w.at > recorded.lastKeyAt);
	const afterTyping = recorded.frames.filter((t) => t >= recorded.lastKeyAt);
	const gaps = afterTyping.slice(1).map((t, i) => t - afterTyping[i]!);
	const longestGap = gaps.length ? Math.max(...gaps) : NaN;
	const biggestSave = saves.reduce((a, w) => (w.chars > a.chars ? w : a), saves[0]!);
	const details = {
		url: baseUrl + BUILDER_PATH,
		pack: { questions: pack.questions.length, bytes: file.length },
		importToListMs: Math.round(importMs),
		keystrokes: recorded.keystrokes.length,
		keyDelayMs: KEY_DELAY_MS,
		toDomMs: toDom,
		toFrameMs: toFrame,
		writesWhileTyping: typingWrites,
		writesAfterTyping: saves,
		longestFrameGapAfterTypingMs: tenths(longestGap),
		browser: chromePath
	};
	if (!toDom.length) throw new Error('no keystroke was timed');
	return [
		figure(
			'builder, 1,000-question pack: keystroke → DOM, p95',
			percentile(toDom, 95),
			'ms',
			atMost(16),
			{
				note: `p50 ${median(toDom).toFixed(1)} ms over ${toDom.length} keystrokes; ${typingWrites.length} storage writes while typing`,
				details
			}
		),
		figure(
			'builder, 1,000-question pack: keystroke → next frame, p95',
			percentile(toFrame, 95),
			'ms',
			null,
			{
				note: `p50 ${median(toFrame).toFixed(1)} ms; includes waiting for the frame`
			}
		),
		figure(
			'builder, 1,000-question pack: the saving write after typing',
			saves.length ? tenths(biggestSave.ms) : NaN,
			'ms',
			null,
			{
				note: saves.length
					? `${saves.length} write(s), the largest ${(biggestSave.chars / 1e6).toFixed(2)} M characters; longest frame gap ${tenths(longestGap)} ms`
					: 'no write after typing'
			}
		)
	];
}
