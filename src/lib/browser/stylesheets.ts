/**
 * SvelteKit, resolving routes on the server, links a page's stylesheets as it navigates but does not
 * wait for them: on a slow connection the page was drawn unstyled, and a link to a passage scrolled to
 * where the passage stood before the styles came (hundreds of pixels off, out of sight). The root
 * layout holds each navigation until the stylesheets have arrived.
 */

/** Stylesheet links that have loaded or failed: a failed one has no sheet and fires nothing more. */
const settled = new WeakSet<EventTarget>();

/** Notes each stylesheet link as it loads or fails, from now on; gives the function that stops. */
export function watchStylesheets(): () => void {
	const note = (event: Event) => {
		if (event.target instanceof HTMLLinkElement) settled.add(event.target);
	};
	// Neither event bubbles: they are heard on the way down.
	addEventListener('load', note, true);
	addEventListener('error', note, true);
	return () => {
		removeEventListener('load', note, true);
		removeEventListener('error', note, true);
	};
}

/**
 * Resolves once every stylesheet the document links to has loaded or failed. The disabled links are
 * the stand-ins for styles inlined in the page, never fetched.
 */
export async function stylesheetsArrived(): Promise<void> {
	const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter(
		(link) => !link.disabled && !link.sheet && !settled.has(link)
	);
	await Promise.all(
		pending.map(
			(link) =>
				new Promise((done) => {
					link.addEventListener('load', done, { once: true });
					link.addEventListener('error', done, { once: true });
				})
		)
	);
}
