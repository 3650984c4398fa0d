import { describe, expect, it } from 'vitest';
import {
	AUTHORED_KEY_PREFIX,
	authoredKey,
	deleteAuthored,
	loadAuthored,
	newAuthoredId,
	saveAuthored,
	usableAuthored,
	type AuthoredEntry
} from '../../src/lib/instructor/authored';
import { slugSchema } from '../../src/lib/content/schema';
import { SET_ASIDE_PREFIX } from '../../src/lib/storage/browser-storage';
import { MemoryStorage } from '../helpers/memory-storage';
import { singleQuestion, trueFalseQuestion } from '../helpers/questions';

const NOW = '2026-12-02T10:00:00.000Z';
const LATER = '2026-12-02T11:00:00.000Z';

/** Test-data factory: a valid authored question, duplicated from comp-03. */
function validEntry(id = 'my-abc123', over: Partial<AuthoredEntry> = {}): AuthoredEntry {
	return {
		id,
		savedAt: NOW,
		editedFrom: 'comp-03',
		valid: true,
		question: singleQuestion({ id, prompt: 'Reworded prompt' }),
		...over
	} as AuthoredEntry;
}

/** A draft: half-written, no options yet. */
function draftEntry(id = 'my-draft1'): AuthoredEntry {
	return {
		id,
		savedAt: LATER,
		valid: false,
		question: { kind: 'multiple', id, prompt: 'Which of these…', options: [] }
	};
}

const setAsideCopies = (s: MemoryStorage) =>
	s
		.keys()
		.filter((k) => k.startsWith(SET_ASIDE_PREFIX))
		.map((k) => s.getItem(k));

describe('authored questions saved in the browser', () => {
	it('reads back what it saved, newest first, valid questions and drafts alike', () => {
		const storage = new MemoryStorage();
		expect(saveAuthored(storage, validEntry())).toBeUndefined();
		expect(saveAuthored(storage, draftEntry())).toBeUndefined();
		expect(storage.keys().sort()).toEqual([authoredKey('my-abc123'), authoredKey('my-draft1')]);
		expect(loadAuthored(storage)).toEqual({
			questions: [draftEntry(), validEntry()],
			problems: []
		});
	});

	it('stores each entry with its version, beside the packs', () => {
		const storage = new MemoryStorage();
		saveAuthored(storage, validEntry());
		expect(AUTHORED_KEY_PREFIX).toMatch(/^sourced:instructor:v2:/);
		expect(JSON.parse(storage.getItem(authoredKey('my-abc123'))!)).toMatchObject({
			version: 1,
			id: 'my-abc123',
			editedFrom: 'comp-03',
			savedAt: NOW,
			valid: true
		});
	});

	it('rewrites only the saved question, and forgets a deleted one', () => {
		const storage = new MemoryStorage();
		saveAuthored(storage, validEntry('my-one'));
		saveAuthored(storage, validEntry('my-two'));
		saveAuthored(storage, validEntry('my-two', { savedAt: LATER }));
		deleteAuthored(storage, 'my-one');
		expect(loadAuthored(storage).questions.map((q) => [q.id, q.savedAt])).toEqual([
			['my-two', LATER]
		]);
	});

	it('sets a corrupt entry aside byte for byte, once, reports it by id and keeps the others', () => {
		const storage = new MemoryStorage();
		saveAuthored(storage, validEntry());
		const raw = '{"version":1,"id":"my-broken","savedAt":"2026-12-0';
		storage.setItem(authoredKey('my-broken'), raw);
		const first = loadAuthored(storage);
		expect(first.questions.map((q) => q.id)).toEqual(['my-abc123']);
		expect(first.problems).toEqual([
			'Your saved question my-broken could not be read (not JSON); it was set aside in this browser, not deleted.'
		]);
		expect(setAsideCopies(storage)).toEqual([raw]);
		expect(loadAuthored(storage).problems).toEqual([]);
		expect(setAsideCopies(storage)).toEqual([raw]);
	});

	it('sets aside an entry of an unknown version instead of guessing at it', () => {
		const storage = new MemoryStorage();
		const raw = JSON.stringify({ ...JSON.parse(JSON.stringify(validEntry())), version: 7 });
		storage.setItem(authoredKey('my-abc123'), raw);
		const { questions, problems } = loadAuthored(storage);
		expect(questions).toEqual([]);
		expect(problems[0]).toMatch(/my-abc123 could not be read \(unknown version 7\)/);
		expect(setAsideCopies(storage)).toEqual([raw]);
	});

	it('sets aside an entry filed under another id than its own', () => {
		const storage = new MemoryStorage();
		saveAuthored(storage, validEntry('my-abc123'));
		storage.setItem(authoredKey('my-other'), storage.getItem(authoredKey('my-abc123'))!);
		const { questions, problems } = loadAuthored(storage);
		expect(questions.map((q) => q.id)).toEqual(['my-abc123']);
		expect(problems[0]).toMatch(
			/my-other could not be read \(saved under my-other but its id is my-abc123\)/
		);
	});

	it('leaves a corrupt entry untouched when storage is too full to set a copy aside, and says so', () => {
		const storage = new MemoryStorage();
		const raw = `{"version":1,${'x'.repeat(300)}`;
		storage.setItem(authoredKey('my-full'), raw);
		storage.quota = storage.used() + 100;
		const { problems } = loadAuthored(storage);
		expect(problems[0]).toMatch(/my-full could not be read .* left untouched/);
		expect(storage.getItem(authoredKey('my-full'))).toBe(raw);
	});

	it('keeps a question saved as valid that the rules no longer accept, as a draft to fix', () => {
		const storage = new MemoryStorage();
		saveAuthored(storage, validEntry());
		const saved = JSON.parse(storage.getItem(authoredKey('my-abc123'))!);
		saved.question.options = saved.question.options.map((o: object) => ({ ...o, correct: true }));
		storage.setItem(authoredKey('my-abc123'), JSON.stringify(saved));
		const { questions, problems } = loadAuthored(storage);
		expect(questions).toEqual([
			expect.objectContaining({ id: 'my-abc123', valid: false, editedFrom: 'comp-03' })
		]);
		expect(questions[0]!.question).toMatchObject({ prompt: 'Reworded prompt' });
		expect(problems[0]).toMatch(
			/my-abc123 no longer passes the checks \(options: a single-answer question needs exactly one correct option, found 3\)/
		);
		expect(usableAuthored(questions).size).toBe(0);
	});

	it('says when the browser gives no storage, and writes nothing', () => {
		expect(loadAuthored(undefined).notice).toBe('unavailable');
		expect(saveAuthored(undefined, validEntry())).toBe('unavailable');
		const full = new MemoryStorage();
		full.failWith = 'quota';
		expect(saveAuthored(full, validEntry())).toBe('full');
	});

	it('refuses to save as valid a question that fails the schema, or one under a bank-style id', () => {
		const storage = new MemoryStorage();
		const bad = validEntry('my-bad', {
			question: trueFalseQuestion({ id: 'my-bad', prompt: '' })
		});
		expect(() => saveAuthored(storage, bad)).toThrow(
			/my-bad is marked valid but prompt: must not be empty/
		);
		expect(() => saveAuthored(storage, validEntry('comp-99'))).toThrow(/must start with "my-"/);
		expect(storage.keys()).toEqual([]);
	});

	it('offers only valid questions to packs', () => {
		const usable = usableAuthored([validEntry(), draftEntry()]);
		expect([...usable.keys()]).toEqual(['my-abc123']);
	});
});

describe('ids of authored questions', () => {
	it('are "my-" and a bank-style slug, different each time', () => {
		const ids = new Set<string>();
		for (let i = 0; i < 200; i++) ids.add(newAuthoredId(ids));
		expect(ids.size).toBe(200);
		for (const id of ids) {
			expect(id).toMatch(/^my-[a-z0-9]{6}$/);
			expect(slugSchema.safeParse(id).success).toBe(true);
		}
	});

	it('never repeat an id already taken, however the random draw falls', () => {
		const draws = ['abc123', 'abc123', 'ABC123', 'xyz789'];
		const id = newAuthoredId(['my-abc123'], () => draws.shift()!);
		expect(id).toBe('my-xyz789');
	});
});
