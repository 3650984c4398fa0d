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

/** A 53-bit hash of a text (cyrb53) in base 36: names a set-aside copy after what it holds. */
export function textHash(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Keeps a byte-for-byte copy of data we could not read, once (named by its hash, so a second visit
 * adds nothing). Returns whether a copy is now kept: if not, the caller must leave the original alone.
 */
export function setAside(storage: Storage, raw: string): boolean {
	try {
		const base = `${SET_ASIDE_PREFIX}${textHash(raw)}-${raw.length}`;
		// Two different texts with one name are all but impossible; if it happens, the second gets a suffix.
		for (let n = 0; ; n++) {
			const key = n ? `${base}-${n}` : base;
			const kept = storage.getItem(key);
			if (kept === raw) return true;
			if (kept !== null) continue;
			storage.setItem(key, raw);
			return true;
		}
	} catch {
		return false;
	}
}

/** Whether a storage write failed because the browser's quota is used up. */
export function isQuotaError(error: unknown): boolean {
	return (
		error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
	);
}

/** Writes a text; says why if it could not. */
export function writeText(
	storage: Storage | undefined,
	key: string,
	text: string
): 'unavailable' | 'full' | undefined {
	if (!storage) return 'unavailable';
	try {
		storage.setItem(key, text);
		return undefined;
	} catch (error) {
		return isQuotaError(error) ? 'full' : 'unavailable';
	}
}

/** Writes JSON; says why if it could not. */
export function writeJson(
	storage: Storage | undefined,
	key: string,
	value: unknown
): 'unavailable' | 'full' | undefined {
	return writeText(storage, key, JSON.stringify(value));
}
