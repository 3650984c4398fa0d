/**
 * Saving the builder's packs in the browser, and reading them back without zod when every saved
 * value is plainly well formed (the usual visit). Anything else goes to `readDrafts` in
 * drafts-store.ts, whose zod schema is the one definition of a saved pack.
 */
import { isQuotaError, writeJson } from '../storage/browser-storage';
import { modes } from '../content/vocabulary';
import type { Draft } from './drafts-store';

/** Where every pack was saved in one value before packs were saved one by one: read once, then moved. */
export const LEGACY_DRAFTS_KEY = 'sourced:instructor:v1';
/** The order of the packs and the one being edited (small: written when packs come and go). */
export const DRAFTS_INDEX_KEY = 'sourced:instructor:v2:index';
/** Each pack under its own key, so typing in one pack rewrites that pack only (a few kB). */
export const DRAFT_KEY_PREFIX = 'sourced:instructor:v2:pack:';
export const draftKey = (id: string) => `${DRAFT_KEY_PREFIX}${id}`;
/**
 * A pack's imported questions, apart: they can be megabytes, and never change after the import, so
 * they are written once (a pack without any has no such key).
 */
export const IMPORTED_KEY_PREFIX = 'sourced:instructor:v2:imported:';
export const importedKey = (id: string) => `${IMPORTED_KEY_PREFIX}${id}`;

export interface DraftStore {
	drafts: Draft[];
	activeId: string | undefined;
}

export type DraftsNotice =
	'unavailable' | 'unreadable' | 'partly-unreadable' | 'full' | 'kept-unreadable';

export const draftsNoticeText: Record<DraftsNotice, string> = {
	unavailable:
		'This browser is not letting Sourced save your packs, so they last only while this tab is open: export them before you leave.',
	unreadable:
		'Saved packs in this browser could not be read; the old data was set aside, not deleted.',
	'partly-unreadable':
		'Some saved packs could not be read and were set aside; the others are here as you left them.',
	full: 'Your browser’s storage is full, so your latest changes are kept only while this tab is open: export the pack to keep it.',
	'kept-unreadable':
		'Some saved packs in this browser could not be read, and storage is too full to set a copy aside, so they are left untouched where they were; your changes in this tab are kept only while it is open: export the pack to keep it.'
};

/** What reading found: the packs, and whether some came from the one-value store and must be moved. */
export interface ReadDrafts {
	store: DraftStore;
	notice?: DraftsNotice;
	/** The one-value store was there: `moveLegacyDrafts` saves its packs one by one and removes it. */
	legacy?: boolean;
}

/** No imported questions: a pack of bank questions only. */
export const noneImported: Draft['imported'] = { questions: [], topics: [], sources: [] };

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every(isString) && new Set(v).size === v.length;

/**
 * A saved pack (its own key, no imported questions) if it plainly matches the schema in
 * drafts-store.ts: every field present with the right type, only the schema's fields kept. Never
 * accepts what that schema refuses; anything unusual is left to it (undefined).
 */
function plainSavedDraft(value: unknown): Omit<Draft, 'imported'> | undefined {
	if (!isObject(value)) return undefined;
	const { id, title, instructions, mode, shuffleOptions, questionIds, updatedAt } = value;
	const ok =
		isString(id) &&
		id.length > 0 &&
		isString(title) &&
		isString(instructions) &&
		(modes as readonly unknown[]).includes(mode) &&
		typeof shuffleOptions === 'boolean' &&
		isIdList(questionIds) &&
		isString(updatedAt);
	return ok
		? {
				id,
				title,
				instructions,
				mode: mode as Draft['mode'],
				shuffleOptions,
				questionIds,
				updatedAt
			}
		: undefined;
}

/**
 * Reads the saved packs without zod when that is plainly safe: no store of an earlier version, no
 * imported questions (they need the full question schema), and every pack and the index well formed.
 * Otherwise undefined: `readDrafts` in drafts-store.ts (zod) reads them, setting aside what it cannot.
 * Where both read, they give the same packs in the same order.
 */
export function readDraftsQuickly(storage: Storage | undefined): ReadDrafts | undefined {
	if (!storage) return { store: { drafts: [], activeId: undefined }, notice: 'unavailable' };
	const byId = new Map<string, Draft>();
	let index: unknown;
	try {
		if (storage.getItem(LEGACY_DRAFTS_KEY) !== null) return undefined;
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (key?.startsWith(IMPORTED_KEY_PREFIX)) return undefined;
			if (!key?.startsWith(DRAFT_KEY_PREFIX)) continue;
			const id = key.slice(DRAFT_KEY_PREFIX.length);
			const saved = plainSavedDraft(parseJson(storage.getItem(key) ?? ''));
			if (!saved || saved.id !== id) return undefined;
			byId.set(id, { ...saved, imported: noneImported });
		}
		const indexRaw = storage.getItem(DRAFTS_INDEX_KEY);
		index = indexRaw === null ? { version: 2, ids: [] } : parseJson(indexRaw);
	} catch {
		// Storage refused to be read: the full reader says so in its own words.
		return undefined;
	}
	if (!isObject(index) || index.version !== 2 || !Array.isArray(index.ids)) return undefined;
	const { ids, activeId } = index;
	if (!ids.every(isString) || (activeId !== undefined && !isString(activeId))) return undefined;
	const drafts = [
		...ids.flatMap((id) => byId.get(id) ?? []),
		...[...byId.values()].filter((d) => !ids.includes(d.id))
	];
	return { store: { drafts, activeId } };
}

/** The JSON value of a saved string, or undefined if it is not JSON. */
export const parseJson = (raw: string): unknown => {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
};

const writeFailure = (error: unknown): DraftsNotice =>
	isQuotaError(error) ? 'full' : 'unavailable';

/**
 * Saves one pack under its own key and, unless `withImported` is false (they are saved already),
 * its imported questions under theirs; returns a notice if that was not possible.
 */
export function writeDraft(
	storage: Storage | undefined,
	draft: Draft,
	withImported = true
): DraftsNotice | undefined {
	if (!storage) return 'unavailable';
	const { imported, ...rest } = draft;
	try {
		if (withImported) {
			const any = imported.questions.length + imported.topics.length + imported.sources.length;
			if (any) storage.setItem(importedKey(draft.id), JSON.stringify(imported));
			else storage.removeItem(importedKey(draft.id));
		}
		storage.setItem(draftKey(draft.id), JSON.stringify(rest));
		return undefined;
	} catch (error) {
		return writeFailure(error);
	}
}

/** Saves the order of the packs and the one being edited. */
export function writeDraftIndex(
	storage: Storage | undefined,
	store: { ids: string[]; activeId: string | undefined }
): DraftsNotice | undefined {
	return writeJson(storage, DRAFTS_INDEX_KEY, { version: 2, ...store });
}

/** Removes a pack the instructor deleted (its own key first: imported questions alone are no pack). */
export function removeDraft(storage: Storage | undefined, id: string): DraftsNotice | undefined {
	if (!storage) return 'unavailable';
	try {
		storage.removeItem(draftKey(id));
		storage.removeItem(importedKey(id));
		return undefined;
	} catch (error) {
		return writeFailure(error);
	}
}

/** Saves every pack and the index; the first notice if a write failed. */
export function writeDrafts(
	storage: Storage | undefined,
	store: DraftStore
): DraftsNotice | undefined {
	for (const d of store.drafts) {
		const notice = writeDraft(storage, d);
		if (notice) return notice;
	}
	return writeDraftIndex(storage, { ids: store.drafts.map((d) => d.id), activeId: store.activeId });
}

/**
 * Moves the packs read from the one-value store to their own keys, then removes that store (every
 * pack in it is now saved on its own; whatever it held that could not be read was set aside when it
 * was read). If storage is too full for both copies at once, the old store makes room for the new
 * keys; if even that fails, the old store is put back as it was and the packs stay in memory.
 */
export function moveLegacyDrafts(storage: Storage, store: DraftStore): DraftsNotice | undefined {
	let legacyRaw: string | null;
	try {
		legacyRaw = storage.getItem(LEGACY_DRAFTS_KEY);
	} catch {
		return 'unavailable';
	}
	if (legacyRaw === null) return writeDrafts(storage, store);
	const undoNewKeys = () => {
		for (const d of store.drafts) removeDraft(storage, d.id);
	};
	let notice = writeDrafts(storage, store);
	if (notice === 'full') {
		undoNewKeys();
		try {
			storage.removeItem(LEGACY_DRAFTS_KEY);
		} catch {
			return 'unavailable';
		}
		notice = writeDrafts(storage, store);
		if (notice) {
			undoNewKeys();
			try {
				storage.setItem(LEGACY_DRAFTS_KEY, legacyRaw);
			} catch {
				// It fitted a moment ago, with the new keys removed again; nothing else was written since.
			}
		}
		return notice;
	}
	if (notice) return notice;
	try {
		storage.removeItem(LEGACY_DRAFTS_KEY);
	} catch {
		// Harmless: the packs are saved on their own, and the next read prefers the later edit.
	}
	return undefined;
}

/**
 * Saves edits a moment after they stop (typing a title writes once, not per keystroke), and only
 * what changed: the edited packs' own keys and, when packs come, go or switch, the small index.
 * `flush` writes at once (the page calls it when hidden or left).
 */
export class DraftSaver {
	readonly #storage: Storage | undefined;
	readonly #current: () => DraftStore;
	readonly #onNotice: (notice: DraftsNotice) => void;
	readonly #delayMs: number;
	#changed = new Set<string>();
	#removed = new Set<string>();
	/** The imported questions saved for each pack, so an edit rewrites them only if they differ. */
	#savedImported = new Map<string, Draft['imported']>();
	#indexChanged = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		storage: Storage | undefined,
		current: () => DraftStore,
		onNotice: (notice: DraftsNotice) => void,
		delayMs = 300
	) {
		this.#storage = storage;
		this.#current = current;
		this.#onNotice = onNotice;
		this.#delayMs = delayMs;
	}

	/** These packs are saved as they are (just read back): their imported questions need no write. */
	alreadySaved(drafts: readonly Draft[]): void {
		for (const d of drafts) this.#savedImported.set(d.id, d.imported);
	}

	/** A pack's content changed. */
	changed(id: string): void {
		this.#changed.add(id);
		this.#schedule();
	}

	/** Packs were added, removed, reordered or another was chosen; `removedId` is deleted for good. */
	indexChanged(removedId?: string): void {
		this.#indexChanged = true;
		if (removedId !== undefined) {
			this.#removed.add(removedId);
			this.#changed.delete(removedId);
		}
		this.#schedule();
	}

	get pending(): boolean {
		return this.#timer !== undefined;
	}

	/** Writes whatever is waiting, now. */
	flush(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const { drafts, activeId } = this.#current();
		let notice: DraftsNotice | undefined;
		for (const id of this.#changed) {
			const draft = drafts.find((d) => d.id === id);
			if (draft) {
				const withImported = this.#savedImported.get(id) !== draft.imported;
				notice = writeDraft(this.#storage, draft, withImported);
				if (notice) break;
				this.#savedImported.set(id, draft.imported);
			}
			this.#changed.delete(id);
		}
		if (!notice && this.#indexChanged) {
			notice = writeDraftIndex(this.#storage, { ids: drafts.map((d) => d.id), activeId });
			if (!notice) this.#indexChanged = false;
		}
		// The index no longer lists a removed pack before its key goes: a crash in between keeps it.
		if (!notice)
			for (const id of this.#removed) {
				notice = removeDraft(this.#storage, id);
				if (notice) break;
				this.#removed.delete(id);
				this.#savedImported.delete(id);
			}
		if (notice) this.#onNotice(notice);
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.#delayMs);
	}
}
