import { contentFingerprint, loadBank } from '$lib/content/load';
import type { Bank } from '$lib/content/schema';

let cached: { fingerprint: string; bank: Bank } | undefined;

/**
 * The validated bank for load functions and +server routes. Loaded once per build; in `vite dev`
 * it reloads when a file under questions/ changes. Throws a ContentError naming every problem.
 */
export function getBank(): Bank {
	const fingerprint = contentFingerprint();
	if (cached?.fingerprint !== fingerprint) cached = { fingerprint, bank: loadBank() };
	return cached.bank;
}
