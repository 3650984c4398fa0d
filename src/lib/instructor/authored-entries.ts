import type { Question } from '../content/schema';
import { AUTHORED_ID_PREFIX } from '../content/vocabulary';
import type { QuestionDraft } from './authored';

// What the builder and the bank browser need to know of the instructor's own questions, free of
// zod: a first visit with none saved never loads the code that reads and checks them (`authored.ts`).

/** Each authored question under its own key, beside the packs (`sourced:instructor:v2:pack:`). */
export const AUTHORED_KEY_PREFIX = 'sourced:instructor:v2:authored:';
export const authoredKey = (id: string) => `${AUTHORED_KEY_PREFIX}${id}`;

/** Whether an id is an authored question's (`my-…`), never the bank's. */
export const isAuthoredId = (id: string): boolean => id.startsWith(AUTHORED_ID_PREFIX);

export interface EntryFields {
	/** `my-…`; the question's own id is the same. */
	id: string;
	/** ISO time of the last save. */
	savedAt: string;
	/** The bank question it was duplicated from, if any. */
	editedFrom?: string;
}

/**
 * An authored question as the browser keeps it: valid (passes the build's checks, so it can go into
 * packs and exports like a bank question) or a draft (saved as it is, kept out of packs and exports).
 */
export type AuthoredEntry =
	| (EntryFields & { valid: true; question: Question })
	| (EntryFields & { valid: false; question: QuestionDraft });

/**
 * Whether this browser may hold authored questions: true when a key of theirs is there, or when
 * storage cannot be listed (reading them then says why).
 */
export function mayHoldAuthored(storage: Storage | undefined): boolean {
	if (!storage) return false;
	try {
		for (let i = 0; i < storage.length; i++)
			if (storage.key(i)?.startsWith(AUTHORED_KEY_PREFIX)) return true;
		return false;
	} catch {
		return true;
	}
}

/** The authored questions a pack may hold (the valid ones), by id. */
export function usableAuthored(entries: readonly AuthoredEntry[]): Map<string, Question> {
	return new Map(entries.flatMap((e) => (e.valid ? [[e.id, e.question] as const] : [])));
}

/**
 * The questions a pack can draw on: the bank's and the instructor's valid own ones (their `my-` ids
 * never meet the bank's).
 */
export function withAuthored(
	bank: ReadonlyMap<string, Question>,
	entries: readonly AuthoredEntry[]
): Map<string, Question> {
	return new Map([...bank, ...usableAuthored(entries)]);
}

/** A draft's prompt for a list, or a placeholder while it has none. */
export function draftPrompt(entry: AuthoredEntry): string {
	const prompt = entry.question.prompt;
	return typeof prompt === 'string' && prompt.trim() ? prompt : '(no prompt yet)';
}
