import { describe, expect, it } from 'vitest';
import { Builder } from '../../src/lib/instructor/builder.svelte';
import { DRAFTS_KEY, draftsNoticeText } from '../../src/lib/instructor/drafts-store';
import { MemoryStorage } from '../helpers/memory-storage';

// Builder is a rune class, so this runs in the component project, where Svelte compiles it.

describe('the pack builder', () => {
	it('never writes over saved packs it could neither read nor set aside, and keeps working', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"drafts":[${'x'.repeat(300)}`;
		storage.setItem(DRAFTS_KEY, raw);
		storage.quota = storage.used() + 100;
		const builder = new Builder(storage);
		expect(builder.notice).toBe(draftsNoticeText['kept-unreadable']);
		builder.change((d) => ({ ...d, title: 'Kept in memory' }));
		builder.create();
		expect(builder.active.title).toBe('Untitled pack');
		expect(builder.drafts[0]?.title).toBe('Kept in memory');
		expect(storage.getItem(DRAFTS_KEY)).toBe(raw);
	});
});
