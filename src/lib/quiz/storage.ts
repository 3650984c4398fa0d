import { availableStorage, setAside, writeText } from '../storage/browser-storage';
import type { Attempt, TopicScore } from './attempt-schema';
import {
	emptyStore,
	STORE_KEY,
	storedText,
	withAttempt,
	type Store,
	type StoreNotice,
	type StoreRead
} from './attempt-store';
// Generated from the zod schemas in attempt-schema.ts, so every page that reads saved attempts
// checks them as strictly as zod would without loading it.
import { parseAttempt, parseStoredAttempts } from './attempt-validator.generated';

export { availableStorage };
export * from './attempt-store';

/** The readable attempts in a list, the first of each id (lists are newest first); the rest are bad. */
function readableAttempts(items: unknown[]): { good: Attempt[]; bad: number } {
	const good: Attempt[] = [];
	let bad = 0;
	for (const item of items) {
		const parsed = parseAttempt(item);
		if (parsed.success && !good.some((a) => a.id === parsed.data.id)) good.push(parsed.data);
		else bad++;
	}
	return { good, bad };
}

/**
 * Reads saved attempts, keeping every readable one. Anything unreadable is first set aside byte for
 * byte (once); if even that copy cannot be written, the original is left alone and the notice says so.
 */
export function readStore(storage: Storage | undefined): StoreRead {
	if (!storage) return { store: emptyStore(), notice: 'unavailable' };
	let raw: string | null;
	try {
		raw = storage.getItem(STORE_KEY);
	} catch {
		return { store: emptyStore(), notice: 'unavailable' };
	}
	if (raw === null) return { store: emptyStore() };
	const keptOr = (notice: StoreNotice): StoreNotice =>
		setAside(storage, raw) ? notice : 'kept-unreadable';

	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return { store: emptyStore(), notice: keptOr('unreadable') };
	}
	const envelope = parseStoredAttempts(json);
	if (!envelope.success) {
		const versioned = typeof json === 'object' && json !== null && 'version' in json;
		return {
			store: emptyStore(),
			notice: keptOr(
				versioned && (json as { version: unknown }).version !== 1 ? 'other-version' : 'unreadable'
			)
		};
	}
	const inProgress = readableAttempts(envelope.data.inProgress);
	const history = readableAttempts(envelope.data.history);
	const store = { inProgress: inProgress.good, history: history.good };
	if (inProgress.bad || history.bad) return { store, notice: keptOr('partly-unreadable') };
	return { store };
}

/**
 * Replaces everything saved (clearing the history), unless saved data that could not be set aside
 * would be lost by it. Returns a notice if nothing was written.
 */
export function writeStore(storage: Storage | undefined, store: Store): StoreNotice | undefined {
	const { notice } = readStore(storage);
	if (notice === 'kept-unreadable' || notice === 'unavailable') return notice;
	return writeText(storage, STORE_KEY, storedText(store));
}

/**
 * Saves one attempt into the attempts saved now (re-read first, so another tab's attempts are kept:
 * the last write of each attempt wins, never a whole store). Returns the store as saved, and a notice
 * if it could not be written (the caller keeps it in memory) or if the re-read set something aside.
 */
export function saveAttempt(storage: Storage | undefined, attempt: Attempt): StoreRead {
	const fresh = readStore(storage);
	const store = withAttempt(fresh.store, attempt);
	if (fresh.notice === 'kept-unreadable' || fresh.notice === 'unavailable')
		return { store, notice: fresh.notice };
	return { store, notice: writeText(storage, STORE_KEY, storedText(store)) ?? fresh.notice };
}

/** Mastery by topic across finished attempts: total score over total questions. */
export function masteryByTopic(history: readonly Attempt[]): TopicScore[] {
	const totals = new Map<string, TopicScore>();
	for (const attempt of history)
		for (const t of attempt.result?.byTopic ?? []) {
			const sum = totals.get(t.topic) ?? { topic: t.topic, title: t.title, score: 0, max: 0 };
			totals.set(t.topic, { ...sum, score: sum.score + t.score, max: sum.max + t.max });
		}
	return [...totals.values()];
}
