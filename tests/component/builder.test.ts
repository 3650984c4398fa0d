import { afterEach, describe, expect, it, vi } from 'vitest';
import { Builder } from '../../src/lib/instructor/builder.svelte';
import { newDraft } from '../../src/lib/instructor/drafts';
import {
	draftKey,
	draftsNoticeText,
	LEGACY_DRAFTS_KEY,
	readDrafts
} from '../../src/lib/instructor/drafts-store';
import {
	DRAFTS_INDEX_KEY,
	importedKey,
	readDraftsQuickly,
	writeDrafts
} from '../../src/lib/instructor/saved-drafts';
import { MemoryStorage } from '../helpers/memory-storage';

// Builder is a rune class, so this runs in the component project, where Svelte compiles it.

const NOW = '2026-11-22T10:00:00.000Z';

describe('the pack builder', () => {
	afterEach(() => vi.useRealTimers());

	it('never writes over saved packs it could neither read nor set aside, and keeps working', async () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"drafts":[${'x'.repeat(300)}`;
		storage.setItem(LEGACY_DRAFTS_KEY, raw);
		storage.quota = storage.used() + 100;
		const builder = await Builder.open(storage);
		expect(builder.notice).toBe(draftsNoticeText['kept-unreadable']);
		builder.change((d) => ({ ...d, title: 'Kept in memory' }));
		builder.create();
		builder.flush();
		expect(builder.active.title).toBe('Untitled pack');
		expect(builder.drafts[0]?.title).toBe('Kept in memory');
		expect(storage.keys()).toEqual([LEGACY_DRAFTS_KEY]);
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBe(raw);
	});

	it('moves packs saved by an earlier version to one key each on first open, losing none', async () => {
		const storage = new MemoryStorage();
		const drafts = [
			{ ...newDraft('p1', NOW), title: 'Week 1', questionIds: ['comp-01'] },
			{ ...newDraft('p2', NOW), title: 'Week 2' }
		];
		storage.setItem(LEGACY_DRAFTS_KEY, JSON.stringify({ version: 1, drafts, activeId: 'p2' }));
		const builder = await Builder.open(storage);
		expect(builder.notice).toBeUndefined();
		expect(builder.active.title).toBe('Week 2');
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBeNull();
		expect(readDrafts(storage).store).toEqual({ drafts, activeId: 'p2' });
	});

	it('saves typing 300 ms after the last keystroke, only the pack typed in', async () => {
		vi.useFakeTimers();
		const storage = new MemoryStorage();
		const builder = await Builder.open(storage);
		builder.create();
		const [first, second] = builder.drafts.map((d) => d.id);
		const untouched = storage.getItem(draftKey(first!));
		for (const title of ['Q', 'Qu', 'Quiz']) {
			builder.change((d) => ({ ...d, title }));
			vi.advanceTimersByTime(200);
		}
		expect(JSON.parse(storage.getItem(draftKey(second!))!).title).toBe('Untitled pack');
		vi.advanceTimersByTime(100);
		expect(JSON.parse(storage.getItem(draftKey(second!))!).title).toBe('Quiz');
		expect(storage.getItem(draftKey(first!))).toBe(untouched);
	});

	it('writes a waiting edit at once when the page is left (flush)', async () => {
		vi.useFakeTimers();
		const storage = new MemoryStorage();
		const builder = await Builder.open(storage);
		builder.change((d) => ({ ...d, title: 'Typed, then the tab was closed' }));
		builder.flush();
		expect((await Builder.open(storage)).active.title).toBe('Typed, then the tab was closed');
	});

	it('opens packs of bank questions without the zod check, reading what the full check reads', async () => {
		const storage = new MemoryStorage();
		const drafts = [
			{ ...newDraft('p1', NOW), title: 'Week 1', questionIds: ['comp-01', 'wash-03'] },
			{ ...newDraft('p2', NOW), title: 'Week 2', mode: 'test' as const, shuffleOptions: false }
		];
		writeDrafts(storage, { drafts, activeId: 'p2' });
		const quick = readDraftsQuickly(storage);
		expect(quick?.store).toEqual(readDrafts(storage).store);
		expect(quick?.store).toEqual({ drafts, activeId: 'p2' });
		const builder = await Builder.open(storage);
		expect(builder.drafts.map((d) => d.title)).toEqual(['Week 1', 'Week 2']);
		expect(builder.active.title).toBe('Week 2');
	});

	it('leaves imported questions, earlier versions and odd values to the full check', async () => {
		const withImported = new MemoryStorage();
		const imported = {
			questions: [],
			topics: [{ id: 'odd', title: 'An imported topic' }],
			sources: []
		};
		writeDrafts(withImported, { drafts: [{ ...newDraft('p1', NOW), imported }], activeId: 'p1' });
		expect(withImported.getItem(importedKey('p1'))).not.toBeNull();
		expect(readDraftsQuickly(withImported)).toBeUndefined();
		expect((await Builder.open(withImported)).active.imported).toEqual(imported);

		const odd = new MemoryStorage();
		writeDrafts(odd, { drafts: [newDraft('p1', NOW)], activeId: 'p1' });
		const saved = JSON.parse(odd.getItem(draftKey('p1'))!);
		for (const wrong of [
			{ ...saved, questionIds: ['comp-01', 'comp-01'] },
			{ ...saved, mode: 'exam' },
			{ ...saved, id: 'p9' },
			{ ...saved, title: undefined }
		]) {
			odd.setItem(draftKey('p1'), JSON.stringify(wrong));
			expect(readDraftsQuickly(odd)).toBeUndefined();
		}
		odd.setItem(draftKey('p1'), JSON.stringify(saved));
		odd.setItem(DRAFTS_INDEX_KEY, '{"version":2,"ids":"p1"}');
		expect(readDraftsQuickly(odd)).toBeUndefined();
		// The full check sets the broken index aside and keeps the pack.
		expect((await Builder.open(odd)).drafts.map((d) => d.id)).toEqual(['p1']);
	});
});
