import type { Attempt } from './attempt-schema';

// What every place that keeps attempts shares: the saved shape, its limits, the notices and the
// store interface. Reading saved attempts back (which needs their validator) is in storage.ts, so
// a page that has nothing saved yet loads none of it.

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

/** One calm sentence per problem, for the page to show. */
export const noticeText: Record<StoreNotice, string> = {
	unavailable:
		'This browser is not letting Sourced save your progress (private browsing or storage turned off), so your answers will last only while this tab is open.',
	unreadable:
		'Saved progress in this browser could not be read, so you are starting fresh; the old data was set aside, not deleted.',
	'partly-unreadable':
		'Some saved progress could not be read and was set aside; everything else is here as you left it.',
	'other-version':
		'Saved progress from a different version of Sourced was set aside, not deleted, and you are starting fresh.',
	full: 'Your browser’s storage is full, so your latest answers are kept only while this tab is open.',
	'kept-unreadable':
		'Some saved progress in this browser could not be read, and storage is too full to set a copy aside, so it is left untouched where it was; your answers in this tab are kept only while it is open.',
	'not-checked':
		'Progress saved in another tab could not be checked (part of this page did not load), so your latest answers are kept only while this tab is open.'
};

export const emptyStore = (): Store => ({ inProgress: [], history: [] });

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
