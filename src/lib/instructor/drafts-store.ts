import '../zod-jitless';
import { z } from 'zod';
import { packSourceSchema, packTopicSchema, questionSchema } from '../content/schema';
import { setAside, writeJson } from '../storage/browser-storage';
import { modes } from '../content/vocabulary';

export const DRAFTS_KEY = 'sourced:instructor:v1';

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

/**
 * Reads the saved drafts, keeping every readable one. Anything unreadable is first set aside byte for
 * byte (once); if that copy cannot be written, the notice is 'kept-unreadable': do not write over it.
 */
export function readDrafts(storage: Storage | undefined): {
	store: DraftStore;
	notice?: DraftsNotice;
} {
	const empty: DraftStore = { drafts: [], activeId: undefined };
	if (!storage) return { store: empty, notice: 'unavailable' };
	let raw: string | null;
	try {
		raw = storage.getItem(DRAFTS_KEY);
	} catch {
		return { store: empty, notice: 'unavailable' };
	}
	if (raw === null) return { store: empty };
	const keptOr = (notice: DraftsNotice): DraftsNotice =>
		setAside(storage, raw) ? notice : 'kept-unreadable';
	let json: { version?: unknown; drafts?: unknown; activeId?: unknown };
	try {
		json = JSON.parse(raw);
	} catch {
		return { store: empty, notice: keptOr('unreadable') };
	}
	if (json?.version !== 1 || !Array.isArray(json.drafts))
		return { store: empty, notice: keptOr('unreadable') };
	const drafts: Draft[] = [];
	let bad = 0;
	for (const item of json.drafts) {
		const parsed = draftSchema.safeParse(item);
		if (parsed.success && !drafts.some((d) => d.id === parsed.data.id)) drafts.push(parsed.data);
		else bad++;
	}
	const activeId = typeof json.activeId === 'string' ? json.activeId : undefined;
	return { store: { drafts, activeId }, notice: bad ? keptOr('partly-unreadable') : undefined };
}

/** Saves the drafts; returns a notice if that was not possible (the caller keeps them in memory). */
export function writeDrafts(
	storage: Storage | undefined,
	store: DraftStore
): DraftsNotice | undefined {
	return writeJson(storage, DRAFTS_KEY, { version: 1, ...store });
}
