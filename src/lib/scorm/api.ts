/** The SCORM 1.2 API an LMS provides to its content (RTE 3.3): strings in, strings out. */
export interface Scorm12Api {
	LMSInitialize(parameter: ''): string;
	LMSFinish(parameter: ''): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(parameter: ''): string;
	LMSGetLastError(): string;
	LMSGetErrorString(code: string): string;
	LMSGetDiagnostic(code: string): string;
}

/** How many parent windows to climb before giving up, as ADL's own API wrapper does. */
const MAX_PARENTS = 7;

/** The API object on a window, if it has one and we may look (a frame from another origin throws). */
function apiOn(win: Window): Scorm12Api | undefined {
	try {
		const api = (win as Window & { API?: unknown }).API;
		return api && typeof (api as Scorm12Api).LMSInitialize === 'function'
			? (api as Scorm12Api)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Looks for the API on a window and up its chain of parents. */
function searchUp(start: Window): Scorm12Api | undefined {
	let win = start;
	for (let climbed = 0; climbed <= MAX_PARENTS; climbed++) {
		const api = apiOn(win);
		if (api) return api;
		let parent: Window | null;
		try {
			parent = win.parent;
		} catch {
			return undefined;
		}
		if (!parent || parent === win) return undefined;
		win = parent;
	}
	return undefined;
}

/**
 * Finds the LMS's SCORM 1.2 API as the standard says: an object named `API` on this window or one of
 * its parents (up to seven), else on the window that opened this one (a pop-up) and its parents.
 */
export function findScormApi(win: Window): Scorm12Api | undefined {
	const found = searchUp(win);
	if (found) return found;
	try {
		const opener = win.opener as Window | null;
		return opener ? searchUp(opener) : undefined;
	} catch {
		return undefined;
	}
}
