import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stylesheetsArrived, watchStylesheets } from '../../src/lib/browser/stylesheets';

/** A stylesheet link as SvelteKit adds one on navigating (jsdom fetches nothing: it stays pending). */
function linkStylesheet(href: string, { disabled = false } = {}) {
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = href;
	link.disabled = disabled;
	document.head.append(link);
	return link;
}

/** Whether the promise has settled once pending callbacks have run. */
async function hasSettled(promise: Promise<unknown>) {
	let settled = false;
	void promise.then(() => (settled = true));
	await new Promise((wait) => setTimeout(wait, 0));
	return settled;
}

describe('a navigation waits for the stylesheets the page links', () => {
	let stopWatching: () => void;
	beforeEach(() => (stopWatching = watchStylesheets()));
	afterEach(() => {
		stopWatching();
		document.head.replaceChildren();
	});

	it('until each has loaded', async () => {
		const page = linkStylesheet('/_app/immutable/assets/14.css');
		const arrived = stylesheetsArrived();
		expect(await hasSettled(arrived)).toBe(false);
		page.dispatchEvent(new Event('load'));
		expect(await hasSettled(arrived)).toBe(true);
	});

	it('or failed, and a stylesheet that failed earlier never holds a later navigation', async () => {
		// A failed stylesheet has no sheet and fires nothing more: the watcher remembers it failed.
		linkStylesheet('/_app/immutable/assets/14.css').dispatchEvent(new Event('error'));
		expect(await hasSettled(stylesheetsArrived())).toBe(true);
	});

	it('but not for the stand-ins of styles inlined in the page, which are never fetched', async () => {
		linkStylesheet('/_app/immutable/assets/0.css', { disabled: true });
		expect(await hasSettled(stylesheetsArrived())).toBe(true);
	});
});
