import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attempt } from '../../src/lib/quiz/attempt';
import { STORE_KEY, withAttempt } from '../../src/lib/quiz/attempt-store';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { attemptOf } from '../helpers/attempts';
import { MemoryStorage } from '../helpers/memory-storage';

// The code that checks saved attempts (storage.ts and the validator it imports) is counted each
// time it is loaded, so a test can say whether a first visit needed it: each test starts with fresh
// modules, the checking code not loaded.
let readerLoads = 0;
beforeEach(() => {
	vi.resetModules();
	vi.doUnmock('../../src/lib/browser/lazy-import');
	readerLoads = 0;
	vi.doMock('../../src/lib/quiz/storage', async (importOriginal) => {
		readerLoads++;
		return importOriginal();
	});
});
// The unit tests share their workers' modules (vite.config.ts): the next file gets the real ones.
afterAll(() => {
	vi.doUnmock('../../src/lib/quiz/storage');
	vi.doUnmock('../../src/lib/browser/lazy-import');
	vi.resetModules();
});

/** The store, from a fresh copy of its module. */
async function storeOn(storage: Storage | undefined) {
	const { LocalAttemptStore } = await import('../../src/lib/browser/local-attempts');
	return new LocalAttemptStore(storage);
}

/** An attempt with one answer in it, so what is read back covers answers too. */
const answered = (id: string, over: Partial<Attempt> = {}): Attempt =>
	attemptOf({ id, answers: { 'q-single': { kind: 'single', choice: 'b' } }, ...over });

const savedText = (...inProgress: Attempt[]) =>
	JSON.stringify({ version: 1, inProgress, history: [] });

describe('a first visit, with nothing saved', () => {
	it('reads, saves and reads back its own attempts without loading the checking code', async () => {
		const storage = new MemoryStorage();
		const store = await storeOn(storage);
		expect(await store.ready()).toBe(true);
		expect(store.read()).toEqual({ store: { inProgress: [], history: [] } });

		const first = answered('a1');
		expect(store.save(first)).toEqual({ store: { inProgress: [first], history: [] } });
		const finished = answered('a1', { stage: 'finished', current: 4 });
		await store.save(finished);
		expect(await store.ready()).toBe(true);
		expect(store.read()).toEqual({ store: { inProgress: [], history: [finished] } });
		expect(JSON.parse(storage.getItem(STORE_KEY)!)).toEqual({
			version: 1,
			inProgress: [],
			history: [finished]
		});
		expect(readerLoads).toBe(0);
	});

	it('keeps answers in memory and says why when storage is refused or full', async () => {
		const refused = new MemoryStorage();
		refused.failWith = 'security';
		const inPrivate = await storeOn(refused);
		expect(await inPrivate.ready()).toBe(true);
		expect(inPrivate.read().notice).toBe('unavailable');
		expect(inPrivate.save(answered('a1'))).toMatchObject({ notice: 'unavailable' });
		expect((await storeOn(undefined)).save(answered('a1'))).toMatchObject({
			notice: 'unavailable'
		});

		const full = new MemoryStorage();
		const store = await storeOn(full);
		full.failWith = 'quota';
		expect(store.save(answered('a1'))).toEqual({
			store: { inProgress: [answered('a1')], history: [] },
			notice: 'full'
		});
		expect(readerLoads).toBe(0);
	});
});

describe('a visit with saved progress', () => {
	it('loads the checking code before reading, and resumes the attempts with their answers', async () => {
		const storage = new MemoryStorage();
		const saved = answered('a1');
		storage.setItem(STORE_KEY, savedText(saved));
		const store = await storeOn(storage);
		expect(() => store.read()).toThrow(/before the code that checks them/);
		expect(await store.ready()).toBe(true);
		expect(readerLoads).toBe(1);
		expect(store.read()).toEqual({ store: { inProgress: [saved], history: [] } });
	});

	it('sets corrupt saved progress aside, says so and starts fresh', async () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, '{"version":1,"inProgress":[{"broken":');
		const store = await storeOn(storage);
		await store.ready();
		expect(store.read()).toEqual({
			store: { inProgress: [], history: [] },
			notice: 'unreadable'
		});
		const kept = storage.keys().filter((k) => k.startsWith(SET_ASIDE_PREFIX));
		expect(kept.map((k) => storage.getItem(k))).toEqual(['{"version":1,"inProgress":[{"broken":']);
	});

	it('refuses an attempt the schema refuses, as strictly as the progress page does', async () => {
		const storage = new MemoryStorage();
		const good = answered('good');
		const twice = answered('twice', { checked: ['q-single', 'q-single'] });
		storage.setItem(STORE_KEY, savedText(good, twice));
		const store = await storeOn(storage);
		await store.ready();
		expect(store.read()).toEqual({
			store: { inProgress: [good], history: [] },
			notice: 'partly-unreadable'
		});
	});
});

describe('another tab saving while this page has not loaded the checking code', () => {
	it('waits for the code, then keeps both tabs’ attempts, in the order the saves were made', async () => {
		const storage = new MemoryStorage();
		const store = await storeOn(storage);
		await store.ready();
		await store.save(answered('mine'));
		const theirs = answered('theirs');
		storage.setItem(STORE_KEY, savedText(theirs, answered('mine')));

		const later = answered('mine', { current: 1 });
		const latest = answered('mine', { current: 2 });
		const first = store.save(later);
		const second = store.save(latest);
		expect(first).toBeInstanceOf(Promise);
		expect(second).toBeInstanceOf(Promise);
		expect(await second).toEqual({ store: { inProgress: [latest, theirs], history: [] } });
		expect(readerLoads).toBe(1);
		expect(JSON.parse(storage.getItem(STORE_KEY)!).inProgress).toEqual([latest, theirs]);
		// From now on every save is checked at once.
		const finished = answered('mine', { stage: 'finished', current: 4 });
		expect(store.save(finished)).toEqual({
			store: withAttempt({ inProgress: [theirs], history: [] }, finished)
		});
	});

	it('reads what the other tab saved only once the checking code is here', async () => {
		const storage = new MemoryStorage();
		const store = await storeOn(storage);
		await store.save(answered('mine'));
		storage.setItem(STORE_KEY, '{"version":2}');
		expect(await store.ready()).toBe(true);
		expect(store.read().notice).toBe('other-version');
	});
});

describe('when the checking code cannot be fetched (offline, or a newer deploy removed it)', () => {
	it('keeps the attempt in memory, says so, and tries again with the next save', async () => {
		// importLazily's word for code that could not be fetched (it has told the page): undefined.
		let reachable = false;
		vi.doMock('../../src/lib/browser/lazy-import', () => ({
			importLazily: <T>(load: () => Promise<T>) => (reachable ? load() : Promise.resolve(undefined))
		}));
		const storage = new MemoryStorage();
		const theirs = answered('theirs');
		storage.setItem(STORE_KEY, savedText(theirs));
		const store = await storeOn(storage);
		expect(await store.ready()).toBe(false);

		const mine = answered('mine');
		expect(await store.save(mine)).toMatchObject({ notice: 'not-checked' });
		expect(storage.getItem(STORE_KEY)).toBe(savedText(theirs));

		reachable = true;
		expect(await store.save(mine)).toEqual({ store: { inProgress: [mine, theirs], history: [] } });
		expect(readerLoads).toBe(1);
	});
});
