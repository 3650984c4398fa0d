import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusAndReveal } from '../../src/lib/browser/reveal';

/** A question as the player shows it: a fieldset whose legend takes focus, at `top` px on screen. */
function questionAt(top: number) {
	document.body.innerHTML =
		'<fieldset><legend tabindex="-1">Question 2 of 5</legend><label><input type="radio" /> A</label></fieldset>';
	const fieldset = document.querySelector('fieldset')!;
	vi.spyOn(fieldset, 'getBoundingClientRect').mockReturnValue({ top } as DOMRect);
	const scrolled = vi.fn();
	fieldset.scrollIntoView = scrolled;
	return { legend: document.querySelector('legend')!, scrolled };
}

function prefersReducedMotion(reduce: boolean) {
	window.matchMedia = vi.fn().mockReturnValue({ matches: reduce }) as typeof window.matchMedia;
}

afterEach(() => vi.restoreAllMocks());

describe('moving to the next question', () => {
	it('scrolls the question to the top when it starts above the screen, and focuses its legend', () => {
		prefersReducedMotion(false);
		const { legend, scrolled } = questionAt(-600);
		focusAndReveal(legend);
		expect(document.activeElement).toBe(legend);
		expect(scrolled).toHaveBeenCalledWith({ block: 'start', behavior: 'smooth' });
	});

	it('jumps without animation when the reader asked for reduced motion', () => {
		prefersReducedMotion(true);
		const { legend, scrolled } = questionAt(-600);
		focusAndReveal(legend);
		expect(scrolled).toHaveBeenCalledWith({ block: 'start', behavior: 'auto' });
	});

	it('also scrolls when the question starts low on the screen', () => {
		prefersReducedMotion(false);
		const { legend, scrolled } = questionAt(window.innerHeight - 40);
		focusAndReveal(legend);
		expect(scrolled).toHaveBeenCalled();
	});

	it('leaves the page where it is when the question already starts near the top', () => {
		prefersReducedMotion(false);
		const { legend, scrolled } = questionAt(80);
		focusAndReveal(legend);
		expect(document.activeElement).toBe(legend);
		expect(scrolled).not.toHaveBeenCalled();
	});
});
