import '../zod-jitless';
import { z } from 'zod';
import { packSourceSchema, packTopicSchema, questionSchema } from '../content/schema';
import { isQuotaError, setAside, writeJson } from '../storage/browser-storage';
import { modes } from '../content/vocabulary';

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

/** Items with ids, each id at most once: the builder keys its lists by id, and a repeat breaks them. */
const uniqueIds = <T extends z.ZodType>(item: T, idOf: (value: z.infer<T>) => string) =>
	z.array(item).refine((list) => new Set(list.map(idOf)).size === list.length, 'repeated id');

/** The one definition of a saved draft pack; the `Draft` type is inferred from it. */
const draftSchema = z.object({
	id: z.string().min(1),
	title: z.string(),
	instructions: z.string(),
	mode: z.enum(modes),
	shuffleOptions: z.boolean(),
	questionIds: uniqueIds(z.string(), (id) => id),
	imported: z.object({
		questions: uniqueIds(questionSchema, (q) => q.id),
		topics: uniqueIds(packTopicSchema, (t) => t.id),
		sources: uniqueIds(packSourceSchema, (s) => s.id)
	}),
	updatedAt: z.string()
});
/** A pack being built in the browser. Bank questions are kept by id; imported ones in full. */
export type Draft = z.infer<typeof draftSchema>;
/** A pack as saved under its own key: everything but the imported questions. */
const savedDraftSchema = draftSchema.omit({ imported: true });
const importedSchema = draftSchema.shape.imported;
const noneImported: Draft['imported'] = { questions: [], topics: [], sources: [] };

const indexSchema = z.object({
	version: z.literal(2),
	ids: z.array(z.string()),
	activeId: z.string().optional()
});

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

const parseJson = (raw: string): unknown => {
	try {
		return JSON.parse(raw);
	} catch {
		return undefined;
	}
};

/**
 * Reads the saved drafts, keeping every readable one: each pack's own key, in the index's order (a
 * pack the index misses is kept too), and the one-value store of earlier versions, if any (where a
 * pack is in both, the later edit wins). Anything unreadable is first set aside byte for byte (once);
 * if that copy cannot be written, the notice is 'kept-unreadable': do not write over it.
 */
export function readDrafts(storage: Storage | undefined): ReadDrafts {
	const empty: DraftStore = { drafts: [], activeId: undefined };
	if (!storage) return { store: empty, notice: 'unavailable' };
	let indexRaw: string | null;
	let legacyRaw: string | null;
	const packRaws: [string, string, string | null][] = [];
	try {
		indexRaw = storage.getItem(DRAFTS_INDEX_KEY);
		legacyRaw = storage.getItem(LEGACY_DRAFTS_KEY);
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (!key?.startsWith(DRAFT_KEY_PREFIX)) continue;
			const id = key.slice(DRAFT_KEY_PREFIX.length);
			const raw = storage.getItem(key);
			if (raw !== null) packRaws.push([id, raw, storage.getItem(importedKey(id))]);
		}
	} catch {
		return { store: empty, notice: 'unavailable' };
	}

	let unreadable = 0;
	let keptInPlace = false;
	/** A copy kept, the original can go (so it is not reported again); no copy, it stays untouched. */
	const setAsideThenRemove = (key: string, raw: string) => {
		if (!setAside(storage, raw)) {
			keptInPlace = true;
			return;
		}
		try {
			storage.removeItem(key);
		} catch {
			// Still there, and also kept aside: the next visit sets nothing aside twice.
		}
	};

	const byId = new Map<string, Draft>();
	for (const [id, raw, importedRaw] of packRaws) {
		const parsed = savedDraftSchema.safeParse(parseJson(raw));
		if (!parsed.success || parsed.data.id !== id) {
			unreadable++;
			setAsideThenRemove(draftKey(id), raw);
			continue;
		}
		let imported = noneImported;
		if (importedRaw !== null) {
			const list = importedSchema.safeParse(parseJson(importedRaw));
			if (list.success) imported = list.data;
			else {
				unreadable++;
				setAsideThenRemove(importedKey(id), importedRaw);
			}
		}
		byId.set(id, { ...parsed.data, imported });
	}
	let order: string[] = [];
	let activeId: string | undefined;
	if (indexRaw !== null) {
		const index = indexSchema.safeParse(parseJson(indexRaw));
		if (index.success) ({ ids: order, activeId } = index.data);
		// The index holds no pack, only their order: set aside without a word about lost packs.
		else setAsideThenRemove(DRAFTS_INDEX_KEY, indexRaw);
	}

	let legacy = false;
	let legacyRead = false;
	if (legacyRaw !== null) {
		const old = readLegacy(legacyRaw);
		if (!old) {
			unreadable++;
			setAsideThenRemove(LEGACY_DRAFTS_KEY, legacyRaw);
		} else {
			legacyRead = true;
			// Partly readable: the original is kept aside whole, and moveLegacyDrafts removes it.
			if (old.bad) {
				unreadable++;
				if (!setAside(storage, legacyRaw)) keptInPlace = true;
			}
			for (const d of old.drafts) {
				const saved = byId.get(d.id);
				if (!saved || saved.updatedAt < d.updatedAt) byId.set(d.id, d);
				if (!order.includes(d.id)) order = [...order, d.id];
			}
			activeId ??= old.activeId;
			legacy = true;
		}
	}

	const drafts = [
		...order.flatMap((id) => byId.get(id) ?? []),
		...[...byId.values()].filter((d) => !order.includes(d.id))
	];
	const notice: DraftsNotice | undefined = keptInPlace
		? 'kept-unreadable'
		: unreadable
			? drafts.length || legacyRead
				? 'partly-unreadable'
				: 'unreadable'
			: undefined;
	return {
		store: { drafts, activeId },
		notice,
		legacy: legacy && !keptInPlace
	};
}

/** The one-value store of earlier versions: its readable packs, and how many were not. */
function readLegacy(
	raw: string
): { drafts: Draft[]; activeId: string | undefined; bad: number } | undefined {
	const json = parseJson(raw) as { version?: unknown; drafts?: unknown; activeId?: unknown };
	if (json?.version !== 1 || !Array.isArray(json.drafts)) return undefined;
	const drafts: Draft[] = [];
	let bad = 0;
	for (const item of json.drafts) {
		const parsed = draftSchema.safeParse(item);
		if (parsed.success && !drafts.some((d) => d.id === parsed.data.id)) drafts.push(parsed.data);
		else bad++;
	}
	const activeId = typeof json.activeId === 'string' ? json.activeId : undefined;
	return { drafts, activeId, bad };
}

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
