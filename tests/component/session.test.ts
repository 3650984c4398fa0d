import { afterEach, describe, expect, it, vi } from 'vitest';
import { quizQuery } from '../../src/lib/quiz/link';
import type { QuizSession } from '../../src/lib/quiz/session.svelte';
import { readStore, STORE_KEY, writeStore } from '../../src/lib/quiz/storage';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { attemptOf } from '../helpers/attempts';
import { MemoryStorage } from '../helpers/memory-storage';
import { orderingQuestion } from '../helpers/questions';
import { quizContent, sessionOf, specOf } from '../helpers/sessions';

// QuizSession is a rune class, so this runs in the component project, where Svelte compiles it.

const saved = (storage: MemoryStorage) => readStore(storage).store;

describe('a quiz session', () => {
	it('starts an attempt with a seed of its own, in the link, and saves it at once', () => {
		const storage = new MemoryStorage();
		const session = sessionOf(storage);
		expect(session.attempt.seed).toMatch(/^[a-z0-9]+$/);
		expect(session.attempt.query).toBe(quizQuery(specOf({ seed: session.attempt.seed })));
		expect(session.attempt.quizKey).toBe(quizQuery(specOf()));
		expect(saved(storage).inProgress.map((a) => a.id)).toEqual([session.attempt.id]);
		expect(session.storageNotice).toBeUndefined();
	});

	it('resumes the unfinished attempt at the same quiz when the link has no seed', () => {
		const storage = new MemoryStorage();
		const first = sessionOf(storage);
		first.answer('q-single', { kind: 'single', choice: 'b' });
		first.goTo(2);

		const again = sessionOf(storage);
		expect(again.attempt.id).toBe(first.attempt.id);
		expect(again.attempt.answers['q-single']).toEqual({ kind: 'single', choice: 'b' });
		expect(again.current?.id).toBe('q-tf');
	});

	it('starts afresh at a quiz whose last attempt was submitted, when the link has no seed', () => {
		const storage = new MemoryStorage();
		const first = sessionOf(storage);
		first.finish();
		expect(sessionOf(storage).attempt.id).not.toBe(first.attempt.id);
	});

	it('opens exactly the attempt of a seeded link, even a submitted one', () => {
		const storage = new MemoryStorage();
		const first = sessionOf(storage);
		first.finish();
		const shared = sessionOf(storage, specOf({ seed: first.attempt.seed }));
		expect(shared.attempt.id).toBe(first.attempt.id);
		expect(shared.attempt.stage).toBe('finished');
	});

	it('starts a new attempt for a seeded link it has not seen, even with one in progress', () => {
		const storage = new MemoryStorage();
		const first = sessionOf(storage);
		const other = sessionOf(storage, specOf({ seed: 'other1' }));
		expect(other.attempt.id).not.toBe(first.attempt.id);
		expect(other.attempt.seed).toBe('other1');
		expect(saved(storage).inProgress).toHaveLength(2);
	});

	it('reports ids in the link that the bank does not have, and leaves them out', () => {
		const spec = specOf({ scope: { kind: 'ids', ids: ['q-single', 'gone-1'] } });
		const session = sessionOf(new MemoryStorage(), spec);
		expect(session.unknownIds).toEqual(['gone-1']);
		expect(session.questions.map((q) => q.id)).toEqual(['q-single']);
	});
});

describe('before the marking code has arrived', () => {
	it('takes and checks answers, but marks nothing and does not submit until it is handed over', async () => {
		const storage = new MemoryStorage();
		const session = sessionOf(storage, specOf(), { marked: false });
		session.answer('q-single', { kind: 'single', choice: 'b' });
		session.check('q-single');
		expect(session.attempt.checked).toEqual(['q-single']);
		expect(session.outcomeOf(quizContent.questions[0]!)).toBeUndefined();
		session.finish();
		expect(session.attempt.stage).toBe('answering');
		expect(saved(storage).history).toEqual([]);

		session.markWith(await import('../../src/lib/quiz/marking'));
		expect(session.outcomeOf(quizContent.questions[0]!)?.verdict).toBe('correct');
		session.finish();
		expect(session.attempt.stage).toBe('finished');
		expect(session.attempt.result?.score).toBe(1);
	});
});

describe('an ordering question', () => {
	const orderOf = (session: QuizSession) => session.attempt.answers['q-order'];

	it('is not answered merely by being seen, so it earns nothing and stays unanswered', () => {
		const session = sessionOf(new MemoryStorage());
		session.goTo(3);
		session.goTo(4);
		expect(orderOf(session)).toBeUndefined();
		expect(session.outcomeOf(orderingQuestion())?.score).toBe(0);
	});

	it('is not answered when the quiz opens on it', () => {
		const spec = specOf({ scope: { kind: 'ids', ids: ['q-order', 'q-single'] } });
		expect(orderOf(sessionOf(new MemoryStorage(), spec))).toBeUndefined();
	});

	it('is answered, in the order shown, once the student confirms that order', () => {
		const session = sessionOf(new MemoryStorage());
		session.goTo(3);
		const shown = session.layoutOf(orderingQuestion()).items;
		session.answer('q-order', { kind: 'ordering', order: shown });
		expect(orderOf(session)).toEqual({ kind: 'ordering', order: shown });
	});

	it('keeps the order the student gave when they come back to it', () => {
		const session = sessionOf(new MemoryStorage());
		const mine = { kind: 'ordering' as const, order: ['paused', 'disabled', 'shared', 'posted'] };
		session.answer('q-order', mine);
		session.goTo(0);
		session.goTo(3);
		expect(orderOf(session)).toEqual(mine);
	});

	it('is not answered for the student when an attempt resumes on the review screen', () => {
		const storage = new MemoryStorage();
		const reviewing = attemptOf({
			quizKey: quizQuery(specOf({ mode: 'test' })),
			mode: 'test',
			stage: 'review',
			current: 3
		});
		writeStore(storage, { inProgress: [reviewing], history: [] });
		const session = sessionOf(storage, specOf({ mode: 'test' }));
		expect(session.attempt.id).toBe(reviewing.id);
		expect(orderOf(session)).toBeUndefined();
	});
});

describe('when storage fails', () => {
	it('says so calmly when the browser refuses storage, and keeps the quiz working in memory', () => {
		const storage = new MemoryStorage();
		storage.failWith = 'security';
		const session = sessionOf(storage);
		expect(session.storageNotice).toBe('unavailable');
		session.answer('q-single', { kind: 'single', choice: 'b' });
		session.check('q-single');
		expect(session.outcomeOf(quizContent.questions[0]!)?.verdict).toBe('correct');
	});

	it('says so when storage fills up, and keeps the latest answer in memory', () => {
		const storage = new MemoryStorage();
		const session = sessionOf(storage);
		storage.failWith = 'quota';
		session.answer('q-single', { kind: 'single', choice: 'a' });
		expect(session.storageNotice).toBe('full');
		expect(session.attempt.answers['q-single']).toEqual({ kind: 'single', choice: 'a' });
	});

	it('sets unreadable saved data aside and starts fresh', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORE_KEY, '{"version":1,"inProgress":[{"broken":');
		const session = sessionOf(storage);
		expect(session.storageNotice).toBe('unreadable');
		expect(storage.keys().some((k) => k.startsWith(SET_ASIDE_PREFIX))).toBe(true);
		expect(saved(storage).inProgress.map((a) => a.id)).toEqual([session.attempt.id]);
	});

	it('leaves unreadable data untouched when storage is too full to set it aside, and says so', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,"inProgress":[{"broken":"${'x'.repeat(2000)}`;
		storage.setItem(STORE_KEY, raw);
		storage.quota = storage.used() + 1000;
		const session = sessionOf(storage);
		expect(session.storageNotice).toBe('kept-unreadable');
		session.answer('q-single', { kind: 'single', choice: 'b' });
		expect(session.attempt.answers['q-single']).toEqual({ kind: 'single', choice: 'b' });
		expect(session.storageNotice).toBe('kept-unreadable');
		expect(storage.getItem(STORE_KEY)).toBe(raw);
	});
});

describe('two tabs on one browser', () => {
	afterEach(() => vi.useRealTimers());
	/** Another tab's write, as this tab's browser reports it. */
	const otherTabWrote = () => window.dispatchEvent(new StorageEvent('storage', { key: STORE_KEY }));
	const at = (time: string) => vi.useFakeTimers({ now: new Date(time), toFake: ['Date'] });
	/** Two sessions on one attempt, the first following the second; the clock then moves on. */
	const twoTabsOnOneAttempt = () => {
		const storage = new MemoryStorage();
		at('2026-11-22T10:00:00.000Z');
		const here = sessionOf(storage);
		const there = sessionOf(storage);
		const stop = here.followOtherTabs();
		at('2026-11-22T10:01:00.000Z');
		return { here, there, stop };
	};

	it('keeps the attempts of two quizzes answered in two tabs', () => {
		const storage = new MemoryStorage();
		const first = sessionOf(storage, specOf({ seed: 'tab1' }));
		const second = sessionOf(storage, specOf({ seed: 'tab2' }));
		first.answer('q-single', { kind: 'single', choice: 'a' });
		second.answer('q-single', { kind: 'single', choice: 'b' });
		first.goTo(1);
		const byId = new Map(saved(storage).inProgress.map((a) => [a.id, a]));
		expect(byId.get(first.attempt.id)?.answers['q-single']).toEqual({
			kind: 'single',
			choice: 'a'
		});
		expect(byId.get(second.attempt.id)?.answers['q-single']).toEqual({
			kind: 'single',
			choice: 'b'
		});
	});

	it('shows an answer given in the other tab, and says the attempt moved on there', () => {
		const { here, there, stop } = twoTabsOnOneAttempt();
		there.answer('q-single', { kind: 'single', choice: 'b' });
		otherTabWrote();
		expect(here.attempt.answers['q-single']).toEqual({ kind: 'single', choice: 'b' });
		expect(here.otherTabNotice).toMatch(/moved on in another tab/);
		stop();
	});

	it('says so when the attempt was submitted in the other tab', () => {
		const { here, there, stop } = twoTabsOnOneAttempt();
		there.finish();
		otherTabWrote();
		expect(here.attempt.stage).toBe('finished');
		expect(here.otherTabNotice).toMatch(/submitted in another tab/);
		stop();
	});

	it('keeps its own later answer over an older one from the other tab', () => {
		const storage = new MemoryStorage();
		at('2026-11-22T10:00:00.000Z');
		const here = sessionOf(storage);
		const stop = here.followOtherTabs();
		at('2026-11-22T10:01:00.000Z');
		here.answer('q-single', { kind: 'single', choice: 'a' });
		otherTabWrote();
		expect(here.attempt.answers['q-single']).toEqual({ kind: 'single', choice: 'a' });
		expect(here.otherTabNotice).toBeUndefined();
		stop();
	});
});

describe('a resumed attempt whose questions have left the bank', () => {
	it('says which are gone and carries on from the next question still there', () => {
		const storage = new MemoryStorage();
		const onGone = attemptOf({
			quizKey: quizQuery(specOf()),
			questionIds: ['q-single', 'gone-1', 'gone-2', 'q-tf'],
			current: 2
		});
		writeStore(storage, { inProgress: [onGone], history: [] });
		const session = sessionOf(storage);
		expect(session.attempt.id).toBe(onGone.id);
		expect(session.resumed).toBe(true);
		expect(session.unknownIds).toEqual(['gone-1', 'gone-2']);
		expect(session.questions.map((q) => q.id)).toEqual(['q-single', 'q-tf']);
		expect(session.current?.id).toBe('q-tf');
		expect(saved(storage).inProgress[0]?.questionIds).toEqual(['q-single', 'q-tf']);
	});
});
