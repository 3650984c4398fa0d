import {
	emptyStore,
	STORE_KEY,
	storedText,
	withAttempt,
	type AttemptStore,
	type Store,
	type StoreRead
} from '../quiz/attempt-store';
import type { Attempt } from '../quiz/attempt-schema';
import { availableStorage, writeText } from '../storage/browser-storage';
import { importLazily } from './lazy-import';

/** What reads saved attempts back: storage.ts, with the validator generated from their zod schema. */
type Reader = Pick<typeof import('../quiz/storage'), 'readStore' | 'saveAttempt'>;

/**
 * The attempts in this browser's localStorage, for the quiz page, which has nothing saved on a first
 * visit: the code that checks saved attempts (storage.ts and its validator) loads only once there
 * is something saved that this page did not write itself. Until then a save merges into what this
 * page last wrote; once that code is here, every read and save is storage.ts's own, as strict.
 *
 * Reads are synchronous, so a page calls `ready()` before reading; a save that finds another tab's
 * attempts before that code is here waits for it, and later saves wait behind it, in order.
 */
export class LocalAttemptStore implements AttemptStore {
	readonly #storage: Storage | undefined;
	#reader: Reader | undefined;
	#loading: Promise<boolean> | undefined;
	/** What this page last wrote, as text and as attempts: reading it back needs no checking. */
	#written: { raw: string; store: Store } | undefined;
	/** The last save still waiting for the reader, if any: later saves go after it. */
	#waiting: Promise<StoreRead> | undefined;

	constructor(storage = availableStorage()) {
		this.#storage = storage;
	}

	/**
	 * Resolves once what is saved now can be read: at once when nothing is saved, or only what this
	 * page wrote; otherwise once the checking code has loaded. False if it could not be fetched
	 * (offline, or a newer deploy removed it); the page has then been told (see lazy-import).
	 */
	ready(): Promise<boolean> {
		if (this.#reader || this.#readUnchecked()) return Promise.resolve(true);
		this.#loading ??= importLazily(() => import('../quiz/storage'))
			.then((reader) => {
				this.#reader ??= reader;
				return !!reader;
			})
			// Not fetched: the next call tries again.
			.finally(() => (this.#loading = undefined));
		return this.#loading;
	}

	read(): StoreRead {
		if (this.#reader) return this.#reader.readStore(this.#storage);
		const read = this.#readUnchecked();
		if (!read) throw new Error('Saved attempts were read before the code that checks them loaded.');
		return read;
	}

	save(attempt: Attempt): StoreRead | Promise<StoreRead> {
		const now = this.#waiting ? undefined : this.#saveNow(attempt);
		if (now) return now;
		const saved: Promise<StoreRead> = (this.#waiting ?? Promise.resolve()).then(async () => {
			await this.ready().catch(() => false);
			if (this.#waiting === saved) this.#waiting = undefined;
			// Still not here: kept in memory, and the next save tries again.
			return (
				this.#saveNow(attempt) ?? {
					store: withAttempt(this.#written?.store ?? emptyStore(), attempt),
					notice: 'not-checked'
				}
			);
		});
		this.#waiting = saved;
		return saved;
	}

	watch(onChange: () => void): () => void {
		if (!this.#storage || typeof globalThis.addEventListener !== 'function') return () => {};
		let stopped = false;
		// The browser fires `storage` in every other tab of this site when one of them writes; what
		// that tab saved is read once the code that checks it is here.
		const listener = (event: StorageEvent) => {
			if (event.key === STORE_KEY || event.key === null)
				void this.ready().then((ok) => {
					if (ok && !stopped) onChange();
				});
		};
		globalThis.addEventListener('storage', listener);
		return () => {
			stopped = true;
			globalThis.removeEventListener('storage', listener);
		};
	}

	/** The save, done now; undefined if it must wait for the checking code (another tab saved). */
	#saveNow(attempt: Attempt): StoreRead | undefined {
		if (this.#reader) return this.#reader.saveAttempt(this.#storage, attempt);
		const fresh = this.#readUnchecked();
		if (!fresh) return undefined;
		const store = withAttempt(fresh.store, attempt);
		if (fresh.notice) return { store, notice: fresh.notice };
		const raw = storedText(store);
		const notice = writeText(this.#storage, STORE_KEY, raw);
		if (!notice) this.#written = { raw, store };
		return { store, notice };
	}

	/**
	 * What is saved, where no checking is needed: nothing, storage that cannot be used, or exactly
	 * what this page last wrote. Undefined for anything else.
	 */
	#readUnchecked(): StoreRead | undefined {
		if (!this.#storage) return { store: emptyStore(), notice: 'unavailable' };
		let raw: string | null;
		try {
			raw = this.#storage.getItem(STORE_KEY);
		} catch {
			return { store: emptyStore(), notice: 'unavailable' };
		}
		if (raw === null) return { store: emptyStore() };
		if (raw === this.#written?.raw) return { store: this.#written.store };
		return undefined;
	}
}
