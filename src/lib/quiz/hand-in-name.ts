import { availableStorage } from '../storage/browser-storage';
import { MAX_STUDENT_NAME } from './hand-in-format';

/** localStorage key of the name a student hands results in under. */
export const HAND_IN_NAME_KEY = 'sourced:hand-in-name';

/** The name this browser last handed results in under, or '' (none yet, or storage is off). */
export function rememberedHandInName(storage = availableStorage()): string {
	try {
		return storage?.getItem(HAND_IN_NAME_KEY)?.slice(0, MAX_STUDENT_NAME) ?? '';
	} catch {
		return '';
	}
}

/** Remembers the name for the next hand-in; a blank name forgets it. Quietly does nothing without storage. */
export function rememberHandInName(name: string, storage = availableStorage()): void {
	try {
		const trimmed = name.trim();
		if (trimmed) storage?.setItem(HAND_IN_NAME_KEY, trimmed.slice(0, MAX_STUDENT_NAME));
		else storage?.removeItem(HAND_IN_NAME_KEY);
	} catch {
		// Storage full or refused: the name still works for this download.
	}
}
