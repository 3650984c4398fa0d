import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft } from '../../src/lib/instructor/drafts';
import {
	DRAFTS_INDEX_KEY,
	DraftSaver,
	draftKey,
	draftsNoticeText,
	importedKey,
	LEGACY_DRAFTS_KEY,
	moveLegacyDrafts,
	readDrafts,
	writeDrafts,
	type DraftStore
} from '../../src/lib/instructor/drafts-store';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { MemoryStorage } from '../helpers/memory-storage';

const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-23T10:00:00.000Z';
const setAsideCopies = (s: MemoryStorage) =>
	s
		.keys()
		.filter((k) => k.startsWith(SET_ASIDE_PREFIX))
		.map((k) => s.getItem(k));
const legacyJson = (store: DraftStore, extra: unknown[] = []) =>
	JSON.stringify({ version: 1, drafts: [...store.drafts, ...extra], activeId: store.activeId });

/** A storage that records every key written, to show what a save touched. */
class RecordingStorage extends MemoryStorage {
	written: string[] = [];
	override setItem(key: string, value: string) {
		super.setItem(key, value);
		this.written.push(key);
	}
}

describe('saved draft packs, one key per pack', () => {
	it('reads back exactly what it saved, in order, with the pack being edited', () => {
		const storage = new MemoryStorage();
		const store = { drafts: [newDraft('p2', NOW), newDraft('p1', NOW)], activeId: 'p1' };
		expect(writeDrafts(storage, store)).toBeUndefined();
		expect(storage.keys().sort()).toEqual([DRAFTS_INDEX_KEY, draftKey('p1'), draftKey('p2')]);
		expect(readDrafts(storage)).toEqual({ store, notice: undefined, legacy: false });
	});

	it('keeps a saved pack that the index does not list (a save cut short between the two)', () => {
		const storage = new MemoryStorage();
		writeDrafts(storage, { drafts: [newDraft('p1', NOW)], activeId: 'p1' });
		storage.setItem(draftKey('p9'), JSON.stringify(newDraft('p9', NOW)));
		expect(readDrafts(storage).store.drafts.map((d) => d.id)).toEqual(['p1', 'p9']);
	});

	it('sets an unreadable pack aside byte for byte, once, and keeps the others', () => {
		const storage = new MemoryStorage();
		writeDrafts(storage, { drafts: [newDraft('p1', NOW), newDraft('p2', NOW)], activeId: 'p1' });
		const raw = JSON.stringify({ ...newDraft('p2', NOW), mode: 'exam' }, null, 1);
		storage.setItem(draftKey('p2'), raw);
		const first = readDrafts(storage);
		expect(first.notice).toBe('partly-unreadable');
		expect(first.store.drafts.map((d) => d.id)).toEqual(['p1']);
		expect(readDrafts(storage).notice).toBeUndefined();
		expect(setAsideCopies(storage)).toEqual([raw]);
	});

	it('leaves unreadable data where it is when storage is too full for a copy, and says so', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"drafts":[${'x'.repeat(300)}`;
		storage.setItem(LEGACY_DRAFTS_KEY, raw);
		storage.quota = storage.used() + 100;
		const { store, notice, legacy } = readDrafts(storage);
		expect(notice).toBe('kept-unreadable');
		expect(legacy).toBe(false);
		expect(store.drafts).toEqual([]);
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBe(raw);
		expect(setAsideCopies(storage)).toEqual([]);
		expect(draftsNoticeText['kept-unreadable']).toMatch(/left untouched/);
	});
});

describe('moving the one-value store of earlier versions to one key per pack', () => {
	const titled = (id: string, title: string, updatedAt = NOW): Draft => ({
		...newDraft(id, updatedAt),
		title
	});

	it('moves every pack, keeps the order and the pack being edited, then removes the old store', () => {
		const storage = new MemoryStorage();
		const old = { drafts: [titled('p1', 'Week 1'), titled('p2', 'Week 2')], activeId: 'p2' };
		storage.setItem(LEGACY_DRAFTS_KEY, legacyJson(old));
		const read = readDrafts(storage);
		expect(read).toEqual({ store: old, notice: undefined, legacy: true });
		expect(moveLegacyDrafts(storage, read.store)).toBeUndefined();
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBeNull();
		expect(readDrafts(storage)).toEqual({ store: old, notice: undefined, legacy: false });
	});

	it('sets a partly unreadable old store aside whole before moving the readable packs', () => {
		const storage = new MemoryStorage();
		const raw = legacyJson({ drafts: [titled('p1', 'Kept')], activeId: 'p1' }, [{ id: 'bad' }]);
		storage.setItem(LEGACY_DRAFTS_KEY, raw);
		const read = readDrafts(storage);
		expect(read.notice).toBe('partly-unreadable');
		moveLegacyDrafts(storage, read.store);
		expect(setAsideCopies(storage)).toEqual([raw]);
		expect(readDrafts(storage).store.drafts.map((d) => d.title)).toEqual(['Kept']);
	});

	it('keeps the later edit of a pack found both in the old store and under its own key', () => {
		const storage = new MemoryStorage();
		writeDrafts(storage, {
			drafts: [titled('p1', 'Newer, own key', LATER), titled('p2', 'Older, own key')],
			activeId: 'p1'
		});
		storage.setItem(
			LEGACY_DRAFTS_KEY,
			legacyJson({
				drafts: [titled('p1', 'Older, old store'), titled('p2', 'Newer, old store', LATER)],
				activeId: 'p1'
			})
		);
		expect(readDrafts(storage).store.drafts.map((d) => d.title)).toEqual([
			'Newer, own key',
			'Newer, old store'
		]);
	});

	it('makes room with the old store when storage cannot hold both copies, losing nothing', () => {
		const storage = new MemoryStorage();
		const old = { drafts: [titled('p1', 'A'.repeat(2000)), titled('p2', 'B')], activeId: 'p1' };
		storage.setItem(LEGACY_DRAFTS_KEY, legacyJson(old));
		storage.quota = storage.used() + 500;
		const read = readDrafts(storage);
		expect(moveLegacyDrafts(storage, read.store)).toBeUndefined();
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBeNull();
		expect(readDrafts(storage).store).toEqual(old);
	});

	it('puts the old store back as it was when even that does not fit', () => {
		/** Full for anything new: only what was already there fits again. */
		class FullForNewKeys extends MemoryStorage {
			override setItem(key: string, value: string) {
				if (key !== LEGACY_DRAFTS_KEY) throw new DOMException('full', 'QuotaExceededError');
				super.setItem(key, value);
			}
		}
		const storage = new FullForNewKeys();
		const raw = legacyJson({ drafts: [titled('p1', 'Week 1')], activeId: 'p1' });
		storage.setItem(LEGACY_DRAFTS_KEY, raw);
		const read = readDrafts(storage);
		expect(moveLegacyDrafts(storage, read.store)).toBe('full');
		expect(storage.keys()).toEqual([LEGACY_DRAFTS_KEY]);
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBe(raw);
	});
});

describe('saved draft packs that would break the builder', () => {
	it('keeps only the first of two drafts with one id, and packs that list a question once', () => {
		const storage = new MemoryStorage();
		const first = { ...newDraft('p1', NOW), title: 'First' };
		const twice = { ...newDraft('p2', NOW), questionIds: ['comp-01', 'comp-01'] };
		storage.setItem(
			LEGACY_DRAFTS_KEY,
			JSON.stringify({ version: 1, drafts: [first, newDraft('p1', NOW), twice], activeId: 'p1' })
		);
		const { store, notice } = readDrafts(storage);
		expect(notice).toBe('partly-unreadable');
		expect(store.drafts).toEqual([first]);
	});

	it('refuses a pack saved under another pack’s key', () => {
		const storage = new MemoryStorage();
		storage.setItem(draftKey('p1'), JSON.stringify(newDraft('p2', NOW)));
		expect(readDrafts(storage)).toMatchObject({ store: { drafts: [] }, notice: 'unreadable' });
	});
});

describe('saving a moment after the edits stop', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	function saverFor(drafts: Draft[]) {
		const storage = new RecordingStorage();
		const store: DraftStore = { drafts, activeId: drafts[0]!.id };
		const notices: string[] = [];
		const saver = new DraftSaver(
			storage,
			() => store,
			(n) => notices.push(n),
			300
		);
		return { storage, store, saver, notices };
	}

	it('writes a pack once, 300 ms after the last of a burst of keystrokes, and nothing else', () => {
		const { storage, store, saver } = saverFor([newDraft('p1', NOW), newDraft('p2', NOW)]);
		for (const title of ['W', 'We', 'Wee', 'Week']) {
			store.drafts = [{ ...store.drafts[0]!, title }, store.drafts[1]!];
			saver.changed('p1');
			vi.advanceTimersByTime(100);
		}
		expect(storage.written).toEqual([]);
		vi.advanceTimersByTime(200);
		expect(storage.written).toEqual([draftKey('p1')]);
		expect(JSON.parse(storage.getItem(draftKey('p1'))!).title).toBe('Week');
		expect(saver.pending).toBe(false);
	});

	it('writes at once on flush (the page leaving), and not again when the timer would have fired', () => {
		const { storage, store, saver } = saverFor([newDraft('p1', NOW)]);
		store.drafts = [{ ...store.drafts[0]!, title: 'Typed just before leaving' }];
		saver.changed('p1');
		saver.flush();
		expect(storage.written).toEqual([draftKey('p1')]);
		vi.advanceTimersByTime(1000);
		expect(storage.written).toEqual([draftKey('p1')]);
	});

	it('removes a deleted pack after the index stops listing it', () => {
		const { storage, store, saver } = saverFor([newDraft('p1', NOW), newDraft('p2', NOW)]);
		writeDrafts(storage, store);
		storage.written = [];
		store.drafts = [store.drafts[0]!];
		saver.indexChanged('p2');
		saver.flush();
		expect(storage.written).toEqual([DRAFTS_INDEX_KEY]);
		expect(storage.getItem(draftKey('p2'))).toBeNull();
		expect(readDrafts(storage).store.drafts.map((d) => d.id)).toEqual(['p1']);
	});

	it('writes a pack’s imported questions once, not with every edit of its title', () => {
		const imported = {
			questions: [],
			topics: [{ id: 'odd', title: 'An imported topic' }],
			sources: []
		};
		const { storage, store, saver } = saverFor([{ ...newDraft('p1', NOW), imported }]);
		saver.changed('p1');
		saver.flush();
		expect(storage.written).toEqual([importedKey('p1'), draftKey('p1')]);
		store.drafts = [{ ...store.drafts[0]!, title: 'Renamed' }];
		saver.changed('p1');
		saver.flush();
		expect(storage.written).toEqual([importedKey('p1'), draftKey('p1'), draftKey('p1')]);
		expect(readDrafts(storage).store.drafts[0]).toMatchObject({ title: 'Renamed', imported });
	});

	it('says when storage is full, and tries again with the next save', () => {
		const { storage, store, saver, notices } = saverFor([newDraft('p1', NOW)]);
		storage.failWith = 'quota';
		saver.changed('p1');
		vi.advanceTimersByTime(300);
		expect(notices).toEqual(['full']);
		storage.failWith = undefined;
		store.drafts = [{ ...store.drafts[0]!, title: 'Saved later' }];
		saver.changed('p1');
		vi.advanceTimersByTime(300);
		expect(readDrafts(storage).store.drafts[0]!.title).toBe('Saved later');
	});
});
