// The core journeys in Firefox ESR and WebKitGTK: a short smoke suite beside the Chromium e2e suite,
// because most students open a share link on an iPhone, where every browser is WebKit.
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Pack } from '../../src/lib/content/schema';
import { questionKinds } from '../../src/lib/content/vocabulary';
import { findEngines } from '../../scripts/engines.js';
import { FirefoxEngine, PHONE, WebKitEngine, type Engine, type FoundEngines } from './engines';

const baseUrl = inject('baseUrl');
const found: FoundEngines = findEngines();

const button = (text: RegExp) => ({ css: 'button, a.button', text });

async function bank(): Promise<Pack> {
	return (await (await fetch(`${baseUrl}/packs/all.json`)).json()) as Pack;
}

/** Waits until the page says something is true (checked every 100 ms, for at most 20 s). */
async function until<T, A extends unknown[]>(
	engine: Engine,
	what: string,
	check: (...args: A) => T,
	...args: A
) {
	const end = Date.now() + 20_000;
	for (;;) {
		const value = await engine.evaluate(check, ...args);
		if (value) return value;
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const questionShown = () => !!document.querySelector('legend[data-question-legend]');

/** What the page measures: its width against the window's, and the question's place on screen. */
function layout() {
	const fieldset = document.querySelector('fieldset.question');
	return {
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		innerHeight: window.innerHeight,
		questionTop: fieldset ? fieldset.getBoundingClientRect().top : null,
		focused: document.activeElement?.hasAttribute('data-question-legend') ?? false
	};
}

/** The kind of answer control the question on screen has. */
function controlShown() {
	const form = document.querySelector('fieldset.question');
	if (!form) return 'none';
	if (form.querySelector('textarea')) return 'text';
	if (form.querySelector('input[type=radio]')) return 'radio';
	if (form.querySelector('input[type=checkbox]')) return 'checkbox';
	if (form.querySelector('select')) return 'select';
	return 'order';
}

/** Picks the second option of every select in the question, as a student choosing would. */
function chooseInEverySelect() {
	for (const select of document.querySelectorAll<HTMLSelectElement>('fieldset.question select')) {
		select.selectedIndex = 1;
		select.dispatchEvent(new Event('input', { bubbles: true }));
		select.dispatchEvent(new Event('change', { bubbles: true }));
	}
}

/** Gives some answer to the question on screen, with real clicks and typing where it can. */
async function answer(engine: Engine) {
	const control = await engine.evaluate(controlShown);
	if (control === 'text')
		await engine.type(
			{ css: 'fieldset.question textarea' },
			'The group alleges unpaid work; OpenAI says taking part was voluntary.'
		);
	else if (control === 'radio') await engine.click({ css: 'fieldset.question input[type=radio]' });
	else if (control === 'checkbox')
		await engine.click({ css: 'fieldset.question input[type=checkbox]' });
	else if (control === 'select') await engine.evaluate(chooseInEverySelect);
	else if (control === 'order') await engine.click(button(/^Move down/));
	else throw new Error('no question on screen');
}

const engines = [
	{
		name: 'Firefox ESR',
		missing: found.missing.firefox,
		launch: () => FirefoxEngine.launch(found.firefox!, baseUrl)
	},
	{
		name: 'WebKitGTK',
		missing: found.missing.webkit,
		launch: () => WebKitEngine.launch(found.webkit!, baseUrl)
	}
];

for (const { name, missing, launch } of engines) {
	// A missing engine is skipped visibly, with how to get it, never silently.
	if (missing) it.skip(`${name}: ${missing}`, () => {});

	describe.skipIf(!!missing)(name, () => {
		let engine: Engine;
		let pack: Pack;
		beforeAll(async () => {
			[engine, pack] = await Promise.all([launch(), bank()]);
			console.warn(`Cross-engine journeys in ${engine.name}`);
		});
		afterAll(() => engine?.close());

		it('a practice run: answer, check, read the passage in its source and come back', async () => {
			await engine.open('/');
			await engine.click({ css: 'a.button', text: /^Start\b/ });
			await until(engine, 'the first question', questionShown);
			await answer(engine);
			await engine.click(button(/^Check$/));
			await until(
				engine,
				'the feedback',
				() => !!document.querySelector('[data-feedback-heading]')
			);
			const question = await engine.evaluate(
				() => document.querySelector('legend[data-question-legend]')!.textContent
			);
			await engine.click({ css: 'a', text: /^Read in context/ });
			await until(engine, 'the source with its passage marked', () =>
				location.pathname.startsWith('/sources/') ? !!document.querySelector('mark') : false
			);
			await engine.click({ css: 'a', text: /Back to/ });
			await until(engine, 'the question again', questionShown);
			expect(
				await engine.evaluate(
					() => document.querySelector('legend[data-question-legend]')!.textContent
				)
			).toBe(question);
			// Checked before leaving, so its feedback is still there (the feedback panel loads a moment
			// after the question: the quiz page fetches it once the first question shows).
			await until(
				engine,
				'the feedback given before leaving',
				() => !!document.querySelector('[data-feedback-heading]')
			);
		});

		it('reload and resume: the answers given are still there', async () => {
			await engine.open('/quiz?topic=confidentiality&mode=practice&seed=engines1');
			await until(engine, 'the first question', questionShown);
			await answer(engine);
			await engine.click(button(/^Check$/));
			// The feedback opens above Next and pushes it down: a click aimed at Next while it appears
			// can land on the feedback instead (it did, about one run in four, in WebKitGTK).
			await until(
				engine,
				'the feedback',
				() => !!document.querySelector('[data-feedback-heading]')
			);
			await engine.click(button(/^Next$/));
			await until(engine, 'question 2', () =>
				document.querySelector('legend[data-question-legend]')?.textContent?.includes('Question 2')
			);
			await engine.reload();
			await until(engine, 'the resumed question', questionShown);
			const resumed = await engine.evaluate(() => ({
				legend: document.querySelector('legend[data-question-legend]')!.textContent,
				answered: document.querySelectorAll('[data-quiz-stepper] [aria-current], nav li').length
			}));
			expect(resumed.legend).toContain('Question 2');
			await engine.click(button(/^Previous$/));
			await until(engine, 'question 1 with its feedback', () =>
				document.querySelector('legend[data-question-legend]')?.textContent?.includes('Question 1')
					? !!document.querySelector('[data-feedback-heading]')
					: false
			);
		});

		it('one question of every kind, answered 390 px wide: the page never gets wider than the window, and Next shows the next question', async () => {
			const ids = questionKinds.map((kind) => pack.questions.find((q) => q.kind === kind)!.id);
			await engine.openPhone(`/quiz?ids=${ids.join(',')}&mode=practice&seed=engines2`);
			for (let i = 0; i < ids.length; i++) {
				await until(
					engine,
					`question ${i + 1}`,
					(n: number) =>
						document
							.querySelector('legend[data-question-legend]')
							?.textContent?.includes(`Question ${n} of`),
					i + 1
				);
				const before = await engine.evaluate(layout);
				expect(before.innerWidth).toBe(PHONE.width);
				expect(before.scrollWidth, `question ${i + 1} before answering`).toBeLessThanOrEqual(
					before.innerWidth
				);
				if (i > 0) {
					// After Next, the new question's number and prompt come on screen, not left above it.
					expect(before.focused).toBe(true);
					const top = await until(engine, `question ${i + 1} on screen`, () => {
						const box = document.querySelector('fieldset.question')!.getBoundingClientRect();
						return box.top >= -1 && box.top < window.innerHeight / 2 ? { top: box.top } : null;
					});
					expect(top.top).toBeGreaterThanOrEqual(-1);
				}
				await answer(engine);
				await engine.click(button(/^(Check|Compare with the model answer)$/));
				await until(
					engine,
					'the feedback',
					() => !!document.querySelector('[data-feedback-heading]')
				);
				const after = await engine.evaluate(layout);
				expect(after.scrollWidth, `question ${i + 1} with feedback`).toBeLessThanOrEqual(
					after.innerWidth
				);
				// Read to the end of the feedback, as a student would, then go on.
				await engine.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
				if (i < ids.length - 1) await engine.click(button(/^Next$/));
			}
		});

		it('a test-mode run reaches the results', async () => {
			const ids = pack.questions.filter((q) => q.kind === 'single').slice(0, 3);
			await engine.open(`/quiz?ids=${ids.map((q) => q.id).join(',')}&mode=test&seed=engines3`);
			for (let n = 1; n <= 3; n++) {
				await until(
					engine,
					`question ${n}`,
					(k: number) =>
						document
							.querySelector('legend[data-question-legend]')
							?.textContent?.includes(`Question ${k} of`),
					n
				);
				await answer(engine);
				await engine.click(button(n < 3 ? /^Next$/ : /^Review and submit$/));
			}
			await engine.click(button(/^Submit my answers$/));
			const heading = await until(engine, 'the results', () =>
				document.activeElement?.matches('[data-results-heading]')
					? document.activeElement.textContent
					: null
			);
			expect(heading).toBe('Your results');
			expect(await engine.evaluate(() => document.body.textContent)).toMatch(/\d+ ?%/);
		});

		it('the instructor builds a pack, exports Moodle XML and opens the share link', async () => {
			await engine.open('/instructor');
			// The builder draws its parts one after another, the bank's rows last, in idle moments.
			const layoutOk = await until(engine, 'the builder with its bank', () => {
				const bank = [...document.querySelectorAll('h2')]
					.find((h) => h.textContent?.trim() === 'Question bank')
					?.closest('section');
				if (!bank || bank.querySelectorAll('input[type=checkbox]').length < 3) return null;
				// Radios and checkboxes keep their own size beside their labels (WebKit stretched them).
				const widths = [
					...document.querySelectorAll('input[type=radio], input[type=checkbox]')
				].map((input) => input.getBoundingClientRect().width);
				return { widest: Math.max(...widths), scrollWidth: document.documentElement.scrollWidth };
			});
			expect(layoutOk.widest).toBeLessThan(40);
			await engine.evaluate(() => {
				const title = [...document.querySelectorAll('label')].find((l) =>
					l.textContent?.trim().startsWith('Title')
				)!.control as HTMLInputElement;
				title.value = '';
				title.dispatchEvent(new Event('input', { bubbles: true }));
			});
			await engine.type({ css: 'label', text: /^Title/ }, 'Engines');
			await engine.evaluate(() => {
				const bank = [...document.querySelectorAll('h2')]
					.find((h) => h.textContent?.trim() === 'Question bank')!
					.closest('section')!;
				for (const box of [
					...bank.querySelectorAll<HTMLInputElement>('input[type=checkbox]')
				].slice(0, 3))
					box.click();
			});
			// Downloads stay in the page: the export's file is read from the Blob it makes.
			await engine.evaluate(() => {
				const w = window as unknown as { __exported?: Promise<string> };
				const original = URL.createObjectURL.bind(URL);
				URL.createObjectURL = (blob: Blob | MediaSource) => {
					if (blob instanceof Blob) w.__exported = blob.text();
					return original(blob);
				};
				HTMLAnchorElement.prototype.click = function () {};
			});
			await engine.click(button(/^Moodle XML$/));
			const xml = await engine.evaluate(async () => {
				const w = window as unknown as { __exported?: Promise<string> };
				for (let i = 0; i < 100 && !w.__exported; i++) await new Promise((r) => setTimeout(r, 100));
				return w.__exported;
			});
			expect(XMLValidator.validate(xml ?? '')).toBe(true);
			expect(xml?.match(/<question type="(?!category)/g)?.length).toBe(3);

			const link = await engine.evaluate(
				() =>
					[...document.querySelectorAll('label')]
						.find((l) => l.textContent?.includes('Link to this pack'))
						?.querySelector('input')?.value
			);
			expect(link).toMatch(/\/quiz\?/);
			await engine.open(new URL(link!).pathname + new URL(link!).search);
			await until(engine, 'the shared quiz', questionShown);
			expect(await engine.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
				'Engines'
			);
		});
	});
}
