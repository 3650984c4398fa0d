// The two engines the cross-engine journeys drive, behind one small interface: Firefox ESR through
// puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { isElementRef, WebDriverSession, type ElementRef } from './webdriver';

/**
 * Something on the page: the first visible element matching `css` whose text (or aria-label) matches
 * `text`. A label stands for its control, so `{ css: 'label', text: /^Title/ }` is the Title field.
 */
export interface Locator {
	css: string;
	text?: RegExp;
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

export interface Engine {
	readonly name: string;
	/** Opens a path of the site in the whole window, at laptop size. */
	open(path: string): Promise<void>;
	/** Opens a path of the site 390 px wide, as a phone shows it. */
	openPhone(path: string): Promise<void>;
	reload(): Promise<void>;
	/** Runs a function in the page (it must not use anything from outside its own body). */
	evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
	click(locator: Locator): Promise<void>;
	type(locator: Locator, text: string): Promise<void>;
	close(): Promise<void>;
}

/**
 * Finds a locator's element in the page. Runs inside the page, so it is written as plain JavaScript
 * that uses nothing from this module.
 */
function findInPage(css: string, source: string | null, flags: string): Element | null {
	const pattern = source === null ? null : new RegExp(source, flags);
	for (const element of document.querySelectorAll(css)) {
		const box = element.getBoundingClientRect();
		const visible = box.width > 0 || box.height > 0 || element.getClientRects().length > 0;
		const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		const label = element.getAttribute('aria-label') ?? '';
		if (visible && (!pattern || pattern.test(text) || pattern.test(label))) {
			const target = element instanceof HTMLLabelElement ? element.control : element;
			// In the middle of the window before a click: a click while the page scrolls may miss.
			target?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
			return target;
		}
	}
	return null;
}

const locatorArgs = (l: Locator) => [l.css, l.text?.source ?? null, l.text?.flags ?? ''] as const;
const describe = (l: Locator) => `${l.css}${l.text ? ` with text ${l.text}` : ''}`;

/** Polls until `find` gives something, for at most `timeout` ms. */
async function waitFor<T>(
	what: string,
	find: () => Promise<T | null | undefined>,
	timeout = 15_000
) {
	const end = Date.now() + timeout;
	for (;;) {
		const found = await find();
		if (found) return found;
		if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Where `scripts/engines.js` found each engine, or why it is missing. */
export interface FoundEngines {
	firefox?: string;
	webkit?: { driver: string; browser: string; xvfbRun: string };
	missing: { firefox?: string; webkit?: string };
}

export class FirefoxEngine implements Engine {
	private constructor(
		readonly name: string,
		private readonly browser: Browser,
		private readonly page: Page,
		private readonly base: string
	) {}

	static async launch(executablePath: string, base: string): Promise<FirefoxEngine> {
		const browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath,
			headless: true,
			protocolTimeout: 60_000
		});
		const page = await browser.newPage();
		const version = (await browser.version()).replace(/^firefox\//i, '');
		return new FirefoxEngine(`Firefox ${version}`, browser, page, base);
	}

	async open(path: string) {
		await this.page.setViewport(LAPTOP);
		await this.page.goto(this.base + path);
	}
	async openPhone(path: string) {
		await this.page.setViewport(PHONE);
		await this.page.goto(this.base + path);
	}
	async reload() {
		await this.page.reload();
	}
	evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
		return this.page.evaluate(fn as (...a: unknown[]) => T, ...args) as Promise<T>;
	}
	private async find(locator: Locator): Promise<ElementHandle<Element>> {
		return waitFor(describe(locator), async () => {
			const handle = await this.page.evaluateHandle(findInPage, ...locatorArgs(locator));
			const element = handle.asElement();
			if (element) return element as ElementHandle<Element>;
			await handle.dispose();
			return null;
		});
	}
	async click(locator: Locator) {
		await (await this.find(locator)).click();
	}
	async type(locator: Locator, text: string) {
		await (await this.find(locator)).type(text);
	}
	async close() {
		await this.browser.close();
	}
}

export class WebKitEngine implements Engine {
	private constructor(
		readonly name: string,
		private readonly session: WebDriverSession,
		private readonly driver: ChildProcess,
		private readonly base: string
	) {}

	/** Starts WebKitWebDriver on a free port (under xvfb-run: MiniBrowser needs a display). */
	static async launch(
		tools: { driver: string; browser: string; xvfbRun: string },
		base: string
	): Promise<WebKitEngine> {
		const port = await freePort();
		const driver = spawn(tools.xvfbRun, ['-a', tools.driver, `--port=${port}`], {
			stdio: 'ignore',
			detached: true
		});
		const url = `http://127.0.0.1:${port}`;
		await waitFor('WebKitWebDriver to start', () =>
			fetch(`${url}/status`).then(
				(r) => r.ok,
				() => false
			)
		);
		const session = await WebDriverSession.start(url, {
			'webkitgtk:browserOptions': { binary: tools.browser, args: ['--automation'] }
		});
		await session.setTimeouts({ script: 30_000, pageLoad: 60_000 });
		const version = String(session.capabilities.browserVersion ?? '');
		return new WebKitEngine(`WebKitGTK ${version} (MiniBrowser)`, session, driver, base);
	}

	async open(path: string) {
		await this.session.switchToFrame(null);
		await this.session.setWindowRect(LAPTOP.width, LAPTOP.height);
		await this.session.navigate(this.base + path);
	}
	/**
	 * MiniBrowser's window cannot be made narrower than its toolbar (about 450 px), so a phone is a
	 * 390 × 844 frame on one of the site's own pages (same origin, so the site keeps its storage and
	 * service worker as a first-party page), and every command goes into the frame.
	 */
	async openPhone(path: string) {
		await this.open('/sources');
		await this.evaluate(
			(src: string, width: number, height: number) => {
				const frame = document.createElement('iframe');
				frame.src = src;
				frame.title = 'Phone';
				frame.style.cssText = `width:${width}px;height:${height}px;border:0`;
				document.body.replaceChildren(frame);
			},
			path,
			PHONE.width,
			PHONE.height
		);
		await this.session.switchToFrame(0);
		await waitFor('the page in the phone frame', () =>
			this.evaluate(() => document.readyState === 'complete' && location.href !== 'about:blank')
		);
	}
	async reload() {
		await this.session.switchToFrame(null);
		await this.session.refresh();
	}
	async evaluate<T, A extends unknown[]>(
		fn: (...args: A) => T | Promise<T>,
		...args: A
	): Promise<T> {
		const script = `const done = arguments[arguments.length - 1];
			Promise.resolve((${fn.toString()}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
				.then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
		const result = await this.session.executeAsync<{ value: T; error?: string }>(script, args);
		if (result.error) throw new Error(`In the page: ${result.error}`);
		return result.value;
	}
	private find(locator: Locator): Promise<ElementRef> {
		return waitFor(describe(locator), async () => {
			const found = await this.session.execute<unknown>(
				`return (${findInPage.toString()}).apply(null, arguments);`,
				[...locatorArgs(locator)]
			);
			return isElementRef(found) ? found : null;
		});
	}
	async click(locator: Locator) {
		await this.session.click(await this.find(locator));
	}
	async type(locator: Locator, text: string) {
		await this.session.sendKeys(await this.find(locator), text);
	}
	async close() {
		await this.session.quit().catch(() => {});
		if (this.driver.pid) process.kill(-this.driver.pid);
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}
