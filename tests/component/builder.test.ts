import { afterEach, describe, expect, it, vi } from 'vitest';
import { Builder } from '../../src/lib/instructor/builder.svelte';
import { newDraft } from '../../src/lib/instructor/drafts';
import {
	draftKey,
	draftsNoticeText,
	LEGACY_DRAFTS_KEY,
	readDrafts
} from '../../src/lib/instructor/drafts-store';
import { MemoryStorage } from '../helpers/memory-storage';

// Builder is a rune class, so this runs in the component project, where Svelte compiles it.

const NOW = '2026-11-22T10:00:00.000Z';

describe('the pack builder', () => {
	afterEach(() => vi.useRealTimers());

	it('never writes over saved packs it could neither read nor set aside, and keeps working', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"drafts":[${'x'.repeat(300)}`;
		storage.setItem(LEGACY_DRAFTS_KEY, raw);
		storage.quota = storage.used() + 100;
		const builder = new Builder(storage);
		expect(builder.notice).toBe(draftsNoticeText['kept-unreadable']);
		builder.change((d) => ({ ...d, title: 'Kept in memory' }));
		builder.create();
		builder.flush();
		expect(builder.active.title).toBe('Untitled pack');
		expect(builder.drafts[0]?.title).toBe('Kept in memory');
		expect(storage.keys()).toEqual([LEGACY_DRAFTS_KEY]);
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBe(raw);
	});

	it('moves packs saved by an earlier version to one key each on first open, losing none', () => {
		const storage = new MemoryStorage();
		const drafts = [
			{ ...newDraft('p1', NOW), title: 'Week 1', questionIds: ['comp-01'] },
			{ ...newDraft('p2', NOW), title: 'Week 2' }
		];
		storage.setItem(LEGACY_DRAFTS_KEY, JSON.stringify({ version: 1, drafts, activeId: 'p2' }));
		const builder = new Builder(storage);
		expect(builder.notice).toBeUndefined();
		expect(builder.active.title).toBe('Week 2');
		expect(storage.getItem(LEGACY_DRAFTS_KEY)).toBeNull();
		expect(readDrafts(storage).store).toEqual({ drafts, activeId: 'p2' });
	});

	it('saves typing 300 ms after the last keystroke, only the pack typed in', () => {
		vi.useFakeTimers();
		const storage = new MemoryStorage();
		const builder = new Builder(storage);
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

	it('writes a waiting edit at once when the page is left (flush)', () => {
		vi.useFakeTimers();
		const storage = new MemoryStorage();
		const builder = new Builder(storage);
		builder.change((d) => ({ ...d, title: 'Typed, then the tab was closed' }));
		builder.flush();
		expect(new Builder(storage).active.title).toBe('Typed, then the tab was closed');
	});
});
