/**
 * Work done a little at a time while the browser is idle, so no task runs long enough to delay a
 * tap or a keystroke: a long task is one over 50 ms, and a phone may be four times slower than the
 * computer a slice is timed on.
 */

/** A slice of work, in milliseconds as timed here: 8 ms here is some 32 ms on a slow phone. */
export const IDLE_SLICE_MS = 8;

/** Runs `run` when the browser is next idle (in a task of its own where there is no idle callback). */
function whenIdle(run: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		// The timeout keeps the work going on a page that is never idle, such as a busy machine's.
		const handle = requestIdleCallback(run, { timeout: 500 });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(run, 16);
	return () => clearTimeout(timer);
}

/** Resolves in the next task, idle or not: what comes after it does not lengthen this one. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve));
}

/** Resolves in a later task, once the browser is idle: what comes after it does not lengthen this one. */
export function idle(): Promise<void> {
	return new Promise((resolve) => whenIdle(resolve));
}

/**
 * Calls `step` again and again in idle time until it returns false, for at most `sliceMs` in each
 * task. Returns a function that stops it.
 */
export function stepWhenIdle(step: () => boolean, sliceMs = IDLE_SLICE_MS): () => void {
	let stopped = false;
	let cancel = whenIdle(slice);
	function slice() {
		const end = performance.now() + sliceMs;
		let more = true;
		while (more && !stopped && performance.now() < end) more = step();
		if (more && !stopped) cancel = whenIdle(slice);
	}
	return () => {
		stopped = true;
		cancel();
	};
}
