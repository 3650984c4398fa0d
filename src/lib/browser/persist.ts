/**
 * Whether this browser has agreed to keep the site's storage until the user clears it, rather than
 * evicting it under pressure or, as Safari does, after seven days without a visit. `undefined` when
 * the browser cannot say.
 */
export async function storageIsKept(): Promise<boolean | undefined> {
	try {
		return (await navigator.storage?.persisted?.()) ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * Asks the browser to keep the site's storage (it may grant it quietly, ask the user, or refuse).
 * Called once a student has progress worth keeping; gives whether it is kept now.
 */
export async function askToKeepStorage(): Promise<boolean | undefined> {
	try {
		if (await navigator.storage?.persisted?.()) return true;
		return (await navigator.storage?.persist?.()) ?? undefined;
	} catch {
		return undefined;
	}
}
