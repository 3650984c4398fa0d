// Saving, planning and merging only: reading a chosen file (with zod) is in progress-file-read.ts,
// which the progress page loads only when the student restores from a file.
import type { Attempt } from './attempt-schema';
import { HISTORY_LIMIT, IN_PROGRESS_LIMIT, type Store } from './attempt-store';

/** What a progress file says it is, so that a results file or a pack is not mistaken for one. */
export const PROGRESS_FORMAT = 'sourced-progress';
/** A full store (80 attempts) is well under 1 MB; a larger file is not a progress file. */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;

/** A student's saved progress as a file: every attempt, in progress and finished, as stored. */
export function progressFile(store: Store, now: Date): { name: string; text: string } {
	const file = { format: PROGRESS_FORMAT, version: 1, savedAt: now.toISOString(), ...store };
	return {
		name: `Sourced progress - ${now.toISOString().slice(0, 10)}.json`,
		text: JSON.stringify(file, null, '\t')
	};
}

/** How restoring a file would change this browser's progress, for the student to decide. */
export interface RestorePlan {
	/** Attempts only the file has. */
	added: number;
	/** Attempts both have, where the file's copy is newer. */
	newer: number;
	/** Attempts both have, where this browser's copy is newer or the same. */
	kept: number;
	/** Attempts only this browser has. */
	browserOnly: number;
	/** The oldest attempts that would no longer fit in this browser's limits, and are not kept. */
	dropped: number;
}

const changedAt = (a: Attempt) => a.finishedAt ?? a.updatedAt;

export function restorePlan(current: Store, file: Store): RestorePlan {
	const mine = new Map([...current.inProgress, ...current.history].map((a) => [a.id, a]));
	const theirs = [...file.inProgress, ...file.history];
	const plan: RestorePlan = { added: 0, newer: 0, kept: 0, browserOnly: 0, dropped: 0 };
	for (const attempt of theirs) {
		const own = mine.get(attempt.id);
		if (!own) plan.added++;
		else if (changedAt(attempt) > changedAt(own)) plan.newer++;
		else plan.kept++;
	}
	const inFile = new Set(theirs.map((a) => a.id));
	plan.browserOnly = [...mine.keys()].filter((id) => !inFile.has(id)).length;
	const merged = mergedProgress(current, file);
	plan.dropped = mine.size + plan.added - merged.inProgress.length - merged.history.length;
	return plan;
}

/**
 * This browser's progress with the file's merged in: every attempt from either, and where both have
 * one attempt, the copy changed last. Lists stay newest first and within the store's limits.
 */
export function mergedProgress(current: Store, file: Store): Store {
	const byId = new Map<string, Attempt>();
	for (const attempt of [
		...current.inProgress,
		...current.history,
		...file.inProgress,
		...file.history
	]) {
		const seen = byId.get(attempt.id);
		if (!seen || changedAt(attempt) > changedAt(seen)) byId.set(attempt.id, attempt);
	}
	const all = [...byId.values()].sort((a, b) => (changedAt(b) > changedAt(a) ? 1 : -1));
	return {
		inProgress: all.filter((a) => a.stage !== 'finished').slice(0, IN_PROGRESS_LIMIT),
		history: all.filter((a) => a.stage === 'finished').slice(0, HISTORY_LIMIT)
	};
}
