import { describe, expect, it } from 'vitest';
import { newDraft } from '../../src/lib/instructor/drafts';
import {
	DRAFTS_KEY,
	draftsNoticeText,
	readDrafts,
	writeDrafts
} from '../../src/lib/instructor/drafts-store';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { MemoryStorage } from '../helpers/memory-storage';

const NOW = '2026-11-22T10:00:00.000Z';
const setAsideCopies = (s: MemoryStorage) =>
	s
		.keys()
		.filter((k) => k.startsWith(SET_ASIDE_PREFIX))
		.map((k) => s.getItem(k));

describe('saved draft packs', () => {
	it('reads back exactly what it saved', () => {
		const storage = new MemoryStorage();
		const store = { drafts: [newDraft('p1', NOW)], activeId: 'p1' };
		expect(writeDrafts(storage, store)).toBeUndefined();
		expect(readDrafts(storage)).toEqual({ store, notice: undefined });
	});

	it('set unreadable data aside once, byte for byte, however often they are read', () => {
		const storage = new MemoryStorage();
		const raw = JSON.stringify(
			{ version: 1, drafts: [newDraft('p1', NOW), { id: 'bad' }] },
			null,
			1
		);
		storage.setItem(DRAFTS_KEY, raw);
		for (let visit = 0; visit < 3; visit++)
			expect(readDrafts(storage).notice).toBe('partly-unreadable');
		expect(setAsideCopies(storage)).toEqual([raw]);
	});

	it('leave unreadable data where it is when storage is too full for a copy, and say so', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"drafts":[${'x'.repeat(300)}`;
		storage.setItem(DRAFTS_KEY, raw);
		storage.quota = storage.used() + 100;
		const { store, notice } = readDrafts(storage);
		expect(notice).toBe('kept-unreadable');
		expect(store.drafts).toEqual([]);
		expect(storage.getItem(DRAFTS_KEY)).toBe(raw);
		expect(setAsideCopies(storage)).toEqual([]);
		expect(draftsNoticeText['kept-unreadable']).toMatch(/left untouched/);
	});
});

describe('saved draft packs that would break the builder', () => {
	it('keeps only the first of two drafts with one id, and packs that list a question once', () => {
		const storage = new MemoryStorage();
		const first = { ...newDraft('p1', NOW), title: 'First' };
		const twice = { ...newDraft('p2', NOW), questionIds: ['comp-01', 'comp-01'] };
		storage.setItem(
			DRAFTS_KEY,
			JSON.stringify({ version: 1, drafts: [first, newDraft('p1', NOW), twice], activeId: 'p1' })
		);
		const { store, notice } = readDrafts(storage);
		expect(notice).toBe('partly-unreadable');
		expect(store.drafts).toEqual([first]);
	});
});
