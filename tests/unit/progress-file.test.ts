import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/lib/quiz/attempt';
import { mergedProgress, progressFile, restorePlan } from '../../src/lib/quiz/progress-file';
import { readProgressFile } from '../../src/lib/quiz/progress-file-read';
import { HISTORY_LIMIT, type Store } from '../../src/lib/quiz/storage';
import { attemptOf } from '../helpers/attempts';

const unfinished = (id: string, updatedAt = '2026-11-22T10:05:00.000Z'): Attempt =>
	attemptOf({ id, updatedAt, answers: { 'q-single': { kind: 'single', choice: 'b' } } });
const finished = (id: string, finishedAt: string): Attempt =>
	attemptOf({ id, stage: 'finished', updatedAt: finishedAt, finishedAt });
const roundTrip = (store: Store) =>
	readProgressFile(progressFile(store, new Date('2026-12-01T09:00:00Z')).text);

describe('saving progress to a file and restoring it', () => {
	it('restores exactly the attempts that were saved, under a dated file name', () => {
		const store = {
			inProgress: [unfinished('a1')],
			history: [finished('f1', '2026-11-23T10:00:00.000Z')]
		};
		const file = progressFile(store, new Date('2026-12-01T09:00:00Z'));
		expect(file.name).toBe('Sourced progress - 2026-12-01.json');
		expect(roundTrip(store)).toEqual({ ok: true, store, savedAt: '2026-12-01T09:00:00.000Z' });
	});

	it('refuses a damaged attempt at its JSON path and takes nothing from the file', () => {
		const { text } = progressFile(
			{ inProgress: [], history: [finished('f1', '2026-11-23T10:00:00.000Z')] },
			new Date()
		);
		const damaged = text.replace('"stage": "finished"', '"stage": "graded"');
		const read = readProgressFile(damaged);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors[0]).toMatch(/^\$\.history\[0\]\.stage: /);
	});

	it('says so when the file is another kind of file (a pack, results) or not JSON', () => {
		const pack = readProgressFile(JSON.stringify({ format: 'sourced-pack', questions: [] }));
		expect(pack.ok || pack.errors.join('\n')).toMatch(/not a progress file/);
		const garbage = readProgressFile('{"format": "sourced-progress", ');
		expect(garbage.ok || garbage.errors[0]).toMatch(/^\$: not valid JSON/);
	});

	it('refuses a file over 5 MB before reading it', () => {
		const read = readProgressFile('{}', 6 * 1024 * 1024);
		expect(read.ok || read.errors[0]).toMatch(/too large/);
	});
});

describe('restoring into a browser that has progress of its own', () => {
	const mine: Store = {
		inProgress: [unfinished('shared', '2026-11-25T10:00:00.000Z'), unfinished('only-mine')],
		history: [finished('old', '2026-11-20T10:00:00.000Z')]
	};
	const theirs: Store = {
		inProgress: [unfinished('only-theirs')],
		history: [
			finished('shared', '2026-11-26T10:00:00.000Z'),
			finished('old', '2026-11-20T10:00:00.000Z')
		]
	};

	it('counts what would be added, updated and kept', () => {
		expect(restorePlan(mine, theirs)).toEqual({
			added: 1,
			newer: 1,
			kept: 1,
			browserOnly: 1,
			dropped: 0
		});
	});

	it('keeps every attempt from both, and the copy changed last where both have one', () => {
		const merged = mergedProgress(mine, theirs);
		expect(merged.inProgress.map((a) => a.id).sort()).toEqual(['only-mine', 'only-theirs']);
		expect(merged.history.map((a) => a.id)).toEqual(['shared', 'old']);
		expect(merged.history[0]?.stage).toBe('finished');
	});

	it('keeps this browser’s copy when it is the newer one', () => {
		const newerHere: Store = {
			inProgress: [],
			history: [finished('x', '2026-11-30T10:00:00.000Z')]
		};
		const olderInFile: Store = {
			inProgress: [unfinished('x', '2026-11-29T10:00:00.000Z')],
			history: []
		};
		expect(mergedProgress(newerHere, olderInFile).history.map((a) => a.finishedAt)).toEqual([
			'2026-11-30T10:00:00.000Z'
		]);
		expect(restorePlan(newerHere, olderInFile)).toMatchObject({ newer: 0, kept: 1 });
	});

	it('says how many of the oldest attempts would not fit in the history', () => {
		const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T10:00:00.000Z`;
		const full: Store = {
			inProgress: [],
			history: Array.from({ length: HISTORY_LIMIT }, (_, i) => finished(`h${i}`, day(2 + (i % 27))))
		};
		const more: Store = {
			inProgress: [],
			history: [finished('extra-1', day(1)), finished('extra-2', day(1))]
		};
		expect(restorePlan(full, more).dropped).toBe(2);
	});
});
