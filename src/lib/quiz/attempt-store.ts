import type { Attempt } from './attempt-schema';

// What every place that keeps attempts shares: the saved shape, its limits, the kinds of notice and
// the store interface. Reading saved attempts back (which needs their validator) is in storage.ts,
// and the notices' wording in store-notices.ts, so a page with nothing saved yet loads neither.

/** localStorage key; the version changes whenever the stored shape does. */
export const STORE_KEY = 'sourced:v1';
export const HISTORY_LIMIT = 50;
export const IN_PROGRESS_LIMIT = 30;

export interface Store {
	inProgress: Attempt[];
	history: Attempt[];
}

export type StoreNotice =
	| 'unavailable'
	| 'unreadable'
	| 'partly-unreadable'
	| 'other-version'
	| 'full'
	| 'kept-unreadable'
	| 'not-checked';

export const emptyStore = (): Store => ({ inProgress: [], history: [] });

/** The text kept under STORE_KEY: the store with the version of its shape. */
export const storedText = (store: Store): string => JSON.stringify({ version: 1, ...store });

/** What a read found: the readable attempts, and a notice if anything was set aside or left alone. */
export interface StoreRead {
	store: Store;
	/** 'kept-unreadable' (no copy could be set aside) or 'unavailable' means: do not write. */
	notice?: StoreNotice;
}

/**
 * Where a quiz session keeps attempts. Whatever stands behind it (localStorage, SCORM's suspend
 * data) keeps the same promises: a read keeps every readable attempt and sets the rest aside, never
 * deleting them; a save merges one attempt into what is stored; each problem comes back as a notice.
 */
export interface AttemptStore {
	read(): StoreRead;
	/**
	 * Saves one attempt, merged into the attempts stored now; a notice if it could not be written.
	 * A store that must first load the code that checks what another tab saved finishes later, in
	 * the order the saves were made.
	 */
	save(attempt: Attempt): StoreRead | Promise<StoreRead>;
	/** Calls back whenever another tab changes the saved attempts; returns how to stop listening. */
	watch(onChange: () => void): () => void;
}

/** The store with this attempt saved: in progress, or moved to the history once finished. */
export function withAttempt(store: Store, attempt: Attempt): Store {
	const others = store.inProgress.filter((a) => a.id !== attempt.id);
	if (attempt.stage !== 'finished')
		return { ...store, inProgress: [attempt, ...others].slice(0, IN_PROGRESS_LIMIT) };
	const history = [attempt, ...store.history.filter((a) => a.id !== attempt.id)].slice(
		0,
		HISTORY_LIMIT
	);
	return { inProgress: others, history };
}
