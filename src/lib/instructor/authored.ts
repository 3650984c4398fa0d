import '../zod-jitless';
import { z } from 'zod';
import { questionKinds, questionSchema, slugSchema } from '../content/schema';
import { AUTHORED_ID_PREFIX } from '../content/vocabulary';
import { isQuotaError, setAside } from '../storage/browser-storage';
import {
	AUTHORED_KEY_PREFIX,
	authoredKey,
	isAuthoredId,
	type AuthoredEntry,
	type EntryFields
} from './authored-entries';

// Questions an instructor writes or adapts in the browser, saved beside the packs: one key per
// question (so a save rewrites that question only, and one damaged entry costs nothing else), every
// entry versioned, anything unreadable set aside byte for byte before it is reported.

export { AUTHORED_ID_PREFIX, reservedIdProblem } from '../content/vocabulary';
export {
	AUTHORED_KEY_PREFIX,
	authoredKey,
	draftPrompt,
	isAuthoredId,
	usableAuthored,
	withAuthored,
	type AuthoredEntry,
	type EntryFields
} from './authored-entries';
/** The shape of a saved entry; a later shape gets a new number and a reader of this one. */
export const AUTHORED_VERSION = 1;

/** An authored question's id: a bank-style slug that starts with `my-`. */
export const authoredIdSchema = slugSchema.refine(isAuthoredId, {
	message: `must start with "${AUTHORED_ID_PREFIX}"`
});

/**
 * A question still being written: its kind and whatever fields the editor holds, as they are. It
 * cannot go into a pack or an export until it is valid.
 */
const questionDraftSchema = z.looseObject({
	kind: z.enum(questionKinds),
	id: z.string().optional()
});
export type QuestionDraft = z.infer<typeof questionDraftSchema>;

/** What is stored: the entry with its shape's version. The question is checked after, by `valid`. */
const savedEntrySchema = z.strictObject({
	version: z.literal(AUTHORED_VERSION),
	id: authoredIdSchema,
	savedAt: z.iso.datetime(),
	editedFrom: slugSchema.optional(),
	valid: z.boolean(),
	question: z.unknown()
});

export type AuthoredNotice = 'unavailable' | 'full';

export const authoredNoticeText: Record<AuthoredNotice, string> = {
	unavailable:
		'This browser is not letting Sourced save your questions, so they last only while this tab is open.',
	full: 'Your browser’s storage is full, so this question was not saved: download your questions as YAML to keep them.'
};

export interface LoadedAuthored {
	/** Newest first. */
	questions: AuthoredEntry[];
	/** Each in plain words, naming the question. */
	problems: string[];
	notice?: AuthoredNotice;
}

const parseJson = (raw: string): unknown => {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
};

/** The first few zod issues in a line: `options: a single-answer question needs…`. */
const issuesText = (error: z.ZodError) =>
	error.issues
		.slice(0, 3)
		.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
		.join('; ');

/**
 * Reads every authored question saved in this browser. An entry that cannot be read is set aside
 * byte for byte (once) and reported; if storage is too full for that copy it is left where it is and
 * reported too. A question saved as valid that no longer passes the checks (the rules tightened) is
 * kept as a draft to fix, and reported.
 */
export function loadAuthored(storage: Storage | undefined): LoadedAuthored {
	if (!storage) return { questions: [], problems: [], notice: 'unavailable' };
	const raws: [string, string][] = [];
	try {
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (!key?.startsWith(AUTHORED_KEY_PREFIX)) continue;
			const raw = storage.getItem(key);
			if (raw !== null) raws.push([key, raw]);
		}
	} catch {
		return { questions: [], problems: [], notice: 'unavailable' };
	}

	const questions: AuthoredEntry[] = [];
	const problems: string[] = [];
	for (const [key, raw] of raws) {
		const name = key.slice(AUTHORED_KEY_PREFIX.length);
		const entry = readEntry(name, raw);
		if (entry.ok) {
			questions.push(entry.value);
			if (entry.problem) problems.push(entry.problem);
			continue;
		}
		if (setAside(storage, raw)) {
			try {
				storage.removeItem(key);
			} catch {
				// Still there, and also kept aside: the next visit sets nothing aside twice.
			}
			problems.push(
				`Your saved question ${name} could not be read (${entry.why}); it was set aside in this browser, not deleted.`
			);
		} else
			problems.push(
				`Your saved question ${name} could not be read (${entry.why}), and storage is too full to set a copy aside, so it is left untouched.`
			);
	}
	questions.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
	return { questions, problems };
}

type ReadEntry = { ok: true; value: AuthoredEntry; problem?: string } | { ok: false; why: string };

/** One saved entry, checked: its shape, its key, and its question against `valid`. */
function readEntry(name: string, raw: string): ReadEntry {
	const json = parseJson(raw);
	if (json === undefined) return { ok: false, why: 'not JSON' };
	const version = (json as { version?: unknown } | null)?.version;
	if (version !== AUTHORED_VERSION)
		return { ok: false, why: `unknown version ${JSON.stringify(version) ?? 'none'}` };
	const saved = savedEntrySchema.safeParse(json);
	if (!saved.success) return { ok: false, why: issuesText(saved.error) };
	const { version: _version, question, ...fields } = saved.data;
	if (fields.id !== name)
		return { ok: false, why: `saved under ${name} but its id is ${fields.id}` };
	const meta: EntryFields = { id: fields.id, savedAt: fields.savedAt };
	if (fields.editedFrom !== undefined) meta.editedFrom = fields.editedFrom;

	if (fields.valid) {
		const checked = questionSchema.safeParse(question);
		if (checked.success && checked.data.id === fields.id)
			return { ok: true, value: { ...meta, valid: true, question: checked.data } };
		const draft = questionDraftSchema.safeParse(question);
		if (!draft.success) return { ok: false, why: issuesText(draft.error) };
		const why = checked.success ? `its id is ${checked.data.id}` : issuesText(checked.error);
		return {
			ok: true,
			value: { ...meta, valid: false, question: { ...draft.data, id: fields.id } },
			problem: `Your question ${name} no longer passes the checks (${why}), so it is kept as a draft: open it to fix it.`
		};
	}
	const draft = questionDraftSchema.safeParse(question);
	if (!draft.success) return { ok: false, why: issuesText(draft.error) };
	if (draft.data.id !== undefined && draft.data.id !== fields.id)
		return { ok: false, why: `its question's id is ${draft.data.id}` };
	return { ok: true, value: { ...meta, valid: false, question: draft.data } };
}

/**
 * Saves one authored question under its own key. An entry marked valid must pass the question schema
 * with its own id (the editor checks anchoring and the rest first): a caller bug, so it throws.
 */
export function saveAuthored(
	storage: Storage | undefined,
	entry: AuthoredEntry
): AuthoredNotice | undefined {
	const checkedId = authoredIdSchema.safeParse(entry.id);
	if (!checkedId.success)
		throw new TypeError(`saveAuthored: "${entry.id}" ${issuesText(checkedId.error)}`);
	if (entry.valid) {
		const checked = questionSchema.safeParse(entry.question);
		if (!checked.success)
			throw new TypeError(
				`saveAuthored: ${entry.id} is marked valid but ${issuesText(checked.error)}`
			);
	}
	if (entry.question.id !== undefined && entry.question.id !== entry.id)
		throw new TypeError(`saveAuthored: ${entry.id} holds a question with id ${entry.question.id}`);
	if (!storage) return 'unavailable';
	const { id, savedAt, editedFrom, valid, question } = entry;
	const record = { version: AUTHORED_VERSION, id, savedAt, editedFrom, valid, question };
	try {
		storage.setItem(authoredKey(entry.id), JSON.stringify(record));
		return undefined;
	} catch (error) {
		return isQuotaError(error) ? 'full' : 'unavailable';
	}
}

/** Removes an authored question the instructor deleted. */
export function deleteAuthored(
	storage: Storage | undefined,
	id: string
): AuthoredNotice | undefined {
	if (!storage) return 'unavailable';
	try {
		storage.removeItem(authoredKey(id));
		return undefined;
	} catch {
		return 'unavailable';
	}
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 6;

/** Six random characters from a-z and 0-9 (crypto-random where the platform has it). */
function randomPart(): string {
	const bytes = new Uint8Array(ID_LENGTH);
	globalThis.crypto.getRandomValues(bytes);
	return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/**
 * A new authored question's id, `my-` and six random letters or digits, that none of `existingIds`
 * has. The bank never has a `my-` id, so it cannot collide with a bank question either.
 */
export function newAuthoredId(
	existingIds: Iterable<string>,
	random: () => string = randomPart
): string {
	const taken = new Set(existingIds);
	for (let tries = 0; tries < 1000; tries++) {
		const part = random()
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '')
			.slice(0, 12);
		const id = `${AUTHORED_ID_PREFIX}${part}`;
		if (part && !taken.has(id)) return id;
	}
	throw new Error('newAuthoredId: no free id after 1,000 tries');
}
