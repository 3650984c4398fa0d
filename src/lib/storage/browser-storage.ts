/** Unreadable saved data is copied under this prefix (never deleted) before its key is written again. */
export const SET_ASIDE_PREFIX = 'sourced:set-aside:';

/** localStorage if this browser lets us use it, otherwise undefined (private mode, disabled, sandboxed). */
export function availableStorage(): Storage | undefined {
	try {
		const storage = globalThis.localStorage;
		const probe = 'sourced:probe';
		storage.setItem(probe, '1');
		storage.removeItem(probe);
		return storage;
	} catch {
		return undefined;
	}
}

/** Keeps a copy of data we could not read, so nothing a user saved is ever silently lost. */
export function setAside(storage: Storage, raw: string, now: Date): void {
	try {
		storage.setItem(`${SET_ASIDE_PREFIX}${now.toISOString()}`, raw);
	} catch {
		// Storage refused even the copy (full): the original stays under its key until the next save.
	}
}

/** Whether a storage write failed because the browser's quota is used up. */
export function isQuotaError(error: unknown): boolean {
	return (
		error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
	);
}

/** Writes JSON; says why if it could not. */
export function writeJson(
	storage: Storage | undefined,
	key: string,
	value: unknown
): 'unavailable' | 'full' | undefined {
	if (!storage) return 'unavailable';
	try {
		storage.setItem(key, JSON.stringify(value));
		return undefined;
	} catch (error) {
		return isQuotaError(error) ? 'full' : 'unavailable';
	}
}
