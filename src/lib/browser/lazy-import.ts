/** The event the page hears when code it loads lazily could not be fetched; the layout offers a reload. */
export const FAILED_LOAD_EVENT = 'sourced:failed-load';

/** How browsers word a module that could not be fetched: Chromium, Firefox, WebKit, Vite's CSS preload. */
const FAILED_FETCH = [
	/^Failed to fetch dynamically imported module/,
	/^error loading dynamically imported module/,
	/^Importing a module script failed/,
	/^Unable to preload CSS for /
];

/**
 * Whether an error means lazily loaded code could not be fetched (offline, or a newer deploy removed
 * the old build's files), as opposed to a bug in code that did load.
 */
export function isFailedModuleLoad(error: unknown): boolean {
	return error instanceof Error && FAILED_FETCH.some((pattern) => pattern.test(error.message));
}

/** Tells the page that some of its code could not be fetched. */
export function reportFailedLoad(): void {
	window.dispatchEvent(new Event(FAILED_LOAD_EVENT));
}

/**
 * Runs a dynamic import. If the code cannot be fetched, reports it (the page then offers a reload)
 * and gives `undefined` instead of throwing; any other error is thrown as usual.
 */
export async function importLazily<T>(load: () => Promise<T>): Promise<T | undefined> {
	try {
		return await load();
	} catch (error) {
		if (!isFailedModuleLoad(error)) throw error;
		reportFailedLoad();
		return undefined;
	}
}
