import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/lib/quiz/attempt';
import {
	HISTORY_LIMIT,
	masteryByTopic,
	readStore,
	saveAttempt,
	STORE_KEY,
	withAttempt,
	writeStore
} from '../../src/lib/quiz/storage';
import { noticeText } from '../../src/lib/quiz/store-notices';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { attemptOf } from '../helpers/attempts';
import { MemoryStorage } from '../helpers/memory-storage';

/** A saved attempt with one answer in it, so reading back covers answers too. */
const attempt = (id: string, over: Partial<Attempt> = {}): Attempt =>
	attemptOf({ id, answers: { 'q-single': { kind: 'single', choice: 'b' } }, ...over });
const setAsideKeys = (s: MemoryStorage) => s.keys().filter((k) => k.startsWith(SET_ASIDE_PREFIX));

describe('saving and reading attempts', () => {
	it('reads back exactly what it saved', () => {
		const storage = new MemoryStorage();
		const store = withAttempt({ inProgress: [], history: [] }, attempt('a1'));
		expect(writeStore(storage, store)).toBeUndefined();
		expect(readStore(storage)).toEqual({ store });
	});

	it('starts empty, without a notice, when nothing was saved', () => {
		expect(readStore(new MemoryStorage())).toEqual({ store: { inProgress: [], history: [] } });
	});

	it('keeps working in memory when storage is unavailable (private mode)', () => {
		const storage = new MemoryStorage();
		storage.failWith = 'security';
		expect(readStore(storage).notice).toBe('unavailable');
		expect(readStore(undefined).notice).toBe('unavailable');
		expect(writeStore(storage, { inProgress: [attempt('a1')], history: [] })).toBe('unavailable');
	});

	it('says so when storage is full, and the attempt is still returned to keep in memory', () => {
		const storage = new MemoryStorage();
		storage.failWith = 'quota';
		expect(writeStore(storage, { inProgress: [attempt('a1')], history: [] })).toBe('full');
	});

	it('sets corrupt data aside instead of deleting it', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, '{"version":1,"inProgress":[');
		const { store, notice } = readStore(storage);
		expect(notice).toBe('unreadable');
		expect(store).toEqual({ inProgress: [], history: [] });
		expect(setAsideKeys(storage).map((k) => storage.getItem(k))).toEqual([
			'{"version":1,"inProgress":['
		]);
	});

	it('sets aside data from another version of the app', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, JSON.stringify({ version: 2, attempts: {} }));
		expect(readStore(storage).notice).toBe('other-version');
		expect(setAsideKeys(storage)).toHaveLength(1);
	});

	it('keeps every readable attempt when only some are damaged', () => {
		const storage = new MemoryStorage();
		const good = attempt('good');
		storage.setItem(
			STORE_KEY,
			JSON.stringify({ version: 1, inProgress: [good, { id: 'broken' }], history: [] })
		);
		const { store, notice } = readStore(storage);
		expect(notice).toBe('partly-unreadable');
		expect(store.inProgress).toEqual([good]);
		expect(JSON.parse(storage.getItem(setAsideKeys(storage)[0]!)!).inProgress[1]).toEqual({
			id: 'broken'
		});
	});
});

describe('unreadable data when storage is nearly full', () => {
	/** Storage holding this unreadable text, with room left for less than a copy of it. */
	const nearlyFullWith = (raw: string) => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, raw);
		storage.quota = storage.used() + raw.length;
		return storage;
	};
	const broken = `{"version":1,"inProgress":[{"broken":"${'x'.repeat(500)}`;

	it('leaves the original where it is and says so, when no copy can be set aside', () => {
		const storage = nearlyFullWith(broken);
		expect(readStore(storage)).toEqual({
			store: { inProgress: [], history: [] },
			notice: 'kept-unreadable'
		});
		expect(storage.getItem(STORE_KEY)).toBe(broken);
		expect(setAsideKeys(storage)).toEqual([]);
	});

	it('does not write over the original it could not set aside, even to clear the history', () => {
		const storage = nearlyFullWith(broken);
		expect(writeStore(storage, withAttempt({ inProgress: [], history: [] }, attempt('a1')))).toBe(
			'kept-unreadable'
		);
		expect(writeStore(storage, { inProgress: [], history: [] })).toBe('kept-unreadable');
		expect(storage.getItem(STORE_KEY)).toBe(broken);
	});

	it('keeps the readable attempts of a partly unreadable store without writing over it', () => {
		const raw = JSON.stringify({
			version: 1,
			inProgress: [attempt('good'), { id: 'broken', pad: 'x'.repeat(500) }],
			history: []
		});
		const storage = nearlyFullWith(raw);
		const { store, notice } = readStore(storage);
		expect(notice).toBe('kept-unreadable');
		expect(store.inProgress.map((a) => a.id)).toEqual(['good']);
		expect(writeStore(storage, store)).toBe('kept-unreadable');
		expect(storage.getItem(STORE_KEY)).toBe(raw);
	});

	it('says truthfully that the data was left untouched, not set aside', () => {
		expect(noticeText['kept-unreadable']).toMatch(/left untouched/);
		expect(noticeText['kept-unreadable']).not.toMatch(/set aside, not deleted/);
	});
});

describe('set-aside copies', () => {
	it('are made once, however often the unreadable data is read', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, 'not json');
		for (let visit = 0; visit < 5; visit++) readStore(storage);
		expect(setAsideKeys(storage)).toHaveLength(1);
	});

	it('hold the original text byte for byte, not a re-serialised version of it', () => {
		const storage = new MemoryStorage();
		const raw = `{ "version": 1,\n  "inProgress": [ {"id": "broken", "n": 1.50} ], "history": [] }`;
		storage.setItem(STORE_KEY, raw);
		readStore(storage);
		readStore(storage);
		expect(setAsideKeys(storage).map((k) => storage.getItem(k))).toEqual([raw]);
	});

	it('are kept apart for two different unreadable texts', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, 'first');
		readStore(storage);
		storage.setItem(STORE_KEY, 'second');
		readStore(storage);
		expect(setAsideKeys(storage).map((k) => storage.getItem(k))).toEqual(['first', 'second']);
	});
});

describe('the history of finished attempts', () => {
	it('moves a finished attempt out of "in progress" and keeps the last 50', () => {
		let store = { inProgress: [attempt('x')], history: [] as Attempt[] };
		for (let i = 0; i < HISTORY_LIMIT + 5; i++)
			store = withAttempt(
				store,
				attempt(`done-${i}`, { stage: 'finished', result: { score: 1, max: 2, byTopic: [] } })
			);
		store = withAttempt(store, attempt('x', { stage: 'finished' }));
		expect(store.inProgress).toEqual([]);
		expect(store.history).toHaveLength(HISTORY_LIMIT);
		expect(store.history[0]?.id).toBe('x');
	});

	it('adds up mastery by topic across attempts', () => {
		const finished = (score: number) =>
			attempt(`f${score}`, {
				stage: 'finished',
				result: {
					score,
					max: 4,
					byTopic: [{ topic: 'compensation', title: 'Compensation', score, max: 4 }]
				}
			});
		expect(masteryByTopic([finished(1), finished(3)])).toEqual([
			{ topic: 'compensation', title: 'Compensation', score: 4, max: 8 }
		]);
	});
});

describe('stored attempts that would break the pages', () => {
	const finished = (id: string, result: NonNullable<Attempt['result']>) =>
		attempt(id, { stage: 'finished', finishedAt: STARTED_LATER, result });
	const STARTED_LATER = '2026-11-22T11:00:00.000Z';
	const readBack = (inProgress: unknown[], history: unknown[] = []) => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, JSON.stringify({ version: 1, inProgress, history }));
		return readStore(storage);
	};

	it('sets aside an attempt that lists a question, a check or a flag twice', () => {
		const good = attempt('good');
		const twice = [
			attempt('q', { questionIds: ['q-single', 'q-single'] }),
			attempt('c', { checked: ['q-single', 'q-single'] }),
			attempt('f', { flagged: ['q-tf', 'q-tf'] }),
			attempt('m', { answers: { 'q-multiple': { kind: 'multiple', choices: ['a', 'a'] } } })
		];
		const { store, notice } = readBack([good, ...twice]);
		expect(notice).toBe('partly-unreadable');
		expect(store.inProgress).toEqual([good]);
	});

	it('keeps only the newest of two attempts with one id', () => {
		const newest = attempt('same', { updatedAt: STARTED_LATER });
		const { store, notice } = readBack([newest, attempt('same')]);
		expect(notice).toBe('partly-unreadable');
		expect(store.inProgress).toEqual([newest]);
	});

	it('sets aside a finished attempt whose score is out of range', () => {
		const fine = finished('fine', { score: 1, max: 2, byTopic: [] });
		const { store, notice } = readBack(
			[],
			[
				fine,
				finished('5000', { score: 50, max: 1, byTopic: [] }),
				finished('negative', { score: -1, max: 2, byTopic: [] }),
				finished('fraction-max', { score: 0, max: 1.5, byTopic: [] }),
				finished('topic', {
					score: 1,
					max: 2,
					byTopic: [{ topic: 'compensation', title: 'Compensation', score: 9, max: 2 }]
				}),
				finished('topic-twice', {
					score: 1,
					max: 2,
					byTopic: [
						{ topic: 'compensation', title: 'Compensation', score: 1, max: 1 },
						{ topic: 'compensation', title: 'Compensation', score: 0, max: 1 }
					]
				})
			]
		);
		expect(notice).toBe('partly-unreadable');
		expect(store.history).toEqual([fine]);
	});

	it('accepts full partial credit added up from ninths, which rounds just above the maximum', () => {
		let ninths = 0;
		for (let i = 0; i < 9; i++) ninths += 1 / 9;
		const full = finished('ninths', { score: ninths, max: 1, byTopic: [] });
		expect(readBack([], [full])).toEqual({ store: { inProgress: [], history: [full] } });
	});
});

describe('two tabs saving attempts', () => {
	it('keeps the attempts each tab saved, rather than the last tab’s whole store', () => {
		const storage = new MemoryStorage();
		saveAttempt(storage, attempt('tab-1'));
		saveAttempt(storage, attempt('tab-2'));
		saveAttempt(storage, attempt('tab-1', { current: 2 }));
		expect(readStore(storage).store.inProgress.map((a) => [a.id, a.current])).toEqual([
			['tab-1', 2],
			['tab-2', 0]
		]);
	});

	it('lets the last write of one attempt win, and moves it to the history once finished there', () => {
		const storage = new MemoryStorage();
		saveAttempt(storage, attempt('shared', { current: 1 }));
		saveAttempt(storage, attempt('shared', { stage: 'finished' }));
		expect(readStore(storage).store).toEqual({
			inProgress: [],
			history: [attempt('shared', { stage: 'finished' })]
		});
	});

	it('returns what is saved now, other tabs’ attempts included', () => {
		const storage = new MemoryStorage();
		saveAttempt(storage, attempt('other-tab'));
		const { store, notice } = saveAttempt(storage, attempt('mine'));
		expect(notice).toBeUndefined();
		expect(store.inProgress.map((a) => a.id)).toEqual(['mine', 'other-tab']);
	});
});
