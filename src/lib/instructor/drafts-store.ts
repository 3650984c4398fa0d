import '../zod-jitless';
import { z } from 'zod';
import { packSourceSchema, packTopicSchema, questionSchema } from '../content/schema';
import { setAside } from '../storage/browser-storage';
import { modes } from '../content/vocabulary';
import {
	DRAFT_KEY_PREFIX,
	DRAFTS_INDEX_KEY,
	LEGACY_DRAFTS_KEY,
	draftKey,
	importedKey,
	noneImported,
	parseJson,
	type DraftStore,
	type DraftsNotice,
	type ReadDrafts
} from './saved-drafts';

export * from './saved-drafts';

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

const indexSchema = z.object({
	version: z.literal(2),
	ids: z.array(z.string()),
	activeId: z.string().optional()
});

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
