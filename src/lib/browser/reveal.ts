/**
 * Moves focus to an element and makes sure the reader can see it. Focusing does not always scroll:
 * WebKit on a phone leaves a newly focused legend above the screen, so the student sees only the
 * options. The element's block (its fieldset, if it has one) is scrolled to the top when its start
 * is off screen or low on it, smoothly unless the reader asked for reduced motion.
 */
export function focusAndReveal(element: HTMLElement): void {
	element.focus({ preventScroll: true });
	const block = element.closest('fieldset') ?? element;
	const { top } = block.getBoundingClientRect();
	if (top >= 0 && top <= window.innerHeight / 3) return;
	const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
	block.scrollIntoView?.({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
}

/**
 * The first element matching a selector once it is on the page (parts of a page may arrive a moment
 * after it), or null if none appears within the time given.
 */
export function elementShown(selector: string, timeoutMs = 5000): Promise<HTMLElement | null> {
	const find = () => document.querySelector<HTMLElement>(selector);
	const now = find();
	if (now) return Promise.resolve(now);
	return new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			const element = find();
			if (element) done(element);
		});
		const timer = setTimeout(() => done(null), timeoutMs);
		const done = (element: HTMLElement | null) => {
			observer.disconnect();
			clearTimeout(timer);
			resolve(element);
		};
		observer.observe(document.body, { childList: true, subtree: true });
	});
}
