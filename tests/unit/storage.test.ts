import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/lib/quiz/attempt';
import {
	HISTORY_LIMIT,
	masteryByTopic,
	readStore,
	STORE_KEY,
	withAttempt,
	writeStore
} from '../../src/lib/quiz/storage';
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
		const { store, notice } = readStore(storage, new Date('2026-11-22T12:00:00Z'));
		expect(notice).toBe('unreadable');
		expect(store).toEqual({ inProgress: [], history: [] });
		expect(storage.getItem(`${SET_ASIDE_PREFIX}2026-11-22T12:00:00.000Z`)).toBe(
			'{"version":1,"inProgress":['
		);
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
		expect(JSON.parse(storage.getItem(setAsideKeys(storage)[0]!)!)).toEqual({
			inProgress: [{ id: 'broken' }],
			history: []
		});
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
