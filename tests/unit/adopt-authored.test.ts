import { describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../src/lib/content/schema';
import { adoptAuthored, adoptedMessage } from '../../src/lib/instructor/adopt-authored';
import { withAuthored, type AuthoredEntry } from '../../src/lib/instructor/authored';
import { draftDifferences, draftFromPack, draftQuestions } from '../../src/lib/instructor/drafts';
import { realBankPack } from '../helpers/packs';

const bank = realBankPack();
const bankById = new Map(bank.questions.map((q) => [q.id, q]));
const NOW = '2026-12-02T10:00:00.000Z';

const authoredAs = (id: string, prompt: string): Question =>
	({ ...bankById.get('comp-03')!, id, prompt }) as Question;
const entryOf = (question: Question): AuthoredEntry => ({
	id: question.id,
	savedAt: '2026-12-01T09:00:00.000Z',
	valid: true,
	question
});

/** A colleague's pack file: one bank question and their own questions. */
const colleaguePack = (...own: Question[]): Pack => ({
	...bank,
	id: 'week-5',
	title: 'Week 5',
	questions: [bankById.get('comp-01')!, ...own]
});
/** Fresh ids in order, as `newAuthoredId` would give them. */
const ids = (...fresh: string[]) => {
	const queue = [...fresh];
	return (taken: Iterable<string>) => {
		const id = queue.shift()!;
		expect([...taken]).not.toContain(id);
		return id;
	};
};

describe("a colleague's pack with instructor-written questions", () => {
	it('adds them to your own questions as they are, and the pack holds them by id', () => {
		const theirs = authoredAs('my-theirs', 'Their wording');
		const adopted = adoptAuthored(colleaguePack(theirs), [], ids(), NOW);
		expect(adopted.entries).toEqual([
			{ id: 'my-theirs', savedAt: NOW, valid: true, question: theirs }
		]);
		expect(adopted.added).toEqual(['my-theirs']);
		const all = withAuthored(bankById, adopted.entries);
		const draft = draftFromPack(adopted.pack, all, 'p1', NOW);
		expect(draft.imported.questions).toEqual([]);
		expect(draftQuestions(draft, all).map((q) => q.prompt)).toEqual([
			bankById.get('comp-01')!.prompt,
			'Their wording'
		]);
		expect(adoptedMessage(adopted)).toBe(
			'1 instructor-written question joined your own questions (“Yours” in the bank), where you can edit or duplicate it: my-theirs.'
		);
	});

	it('never overwrites a different question of yours with the same id: theirs gets a fresh id, in the pack too', () => {
		const yours = entryOf(authoredAs('my-clash1', 'Your wording'));
		const theirs = authoredAs('my-clash1', 'Their wording');
		const adopted = adoptAuthored(colleaguePack(theirs), [yours], ids('my-fresh1'), NOW);

		expect(adopted.entries.map((e) => [e.id, e.question.prompt])).toEqual([
			['my-fresh1', 'Their wording']
		]);
		expect(adopted.pack.questions.map((q) => q.id)).toEqual(['comp-01', 'my-fresh1']);
		const all = withAuthored(bankById, [yours, ...adopted.entries]);
		const draft = draftFromPack(adopted.pack, all, 'p1', NOW);
		expect(draftQuestions(draft, all).at(-1)?.prompt).toBe('Their wording');
		expect(all.get('my-clash1')?.prompt).toBe('Your wording');
		expect(draftDifferences(draft, bankById, all).authored).toEqual(['my-fresh1']);
		expect(adoptedMessage(adopted)).toBe(
			'1 instructor-written question joined your own questions (“Yours” in the bank), where you can edit or duplicate it: my-fresh1. You already have a different question my-clash1, so the pack’s is my-fresh1 (yours is unchanged).'
		);
	});

	it('does not add a question twice when the same file is imported again', () => {
		const yours = entryOf(authoredAs('my-clash1', 'Your wording'));
		const theirs = authoredAs('my-clash1', 'Their wording');
		const first = adoptAuthored(colleaguePack(theirs), [yours], ids('my-fresh1'), NOW);
		const again = adoptAuthored(colleaguePack(theirs), [yours, ...first.entries], ids(), NOW);
		expect(again.entries).toEqual([]);
		expect(again.pack.questions.map((q) => q.id)).toEqual(['comp-01', 'my-fresh1']);
		expect(adoptedMessage(again)).toBe('my-fresh1 was already yours.');

		const same = adoptAuthored(colleaguePack(yours.question as Question), [yours], ids(), NOW);
		expect(same.entries).toEqual([]);
		expect(same.pack.questions.map((q) => q.id)).toEqual(['comp-01', 'my-clash1']);
	});

	it('keeps a draft of yours with that id as it is', () => {
		const draft: AuthoredEntry = {
			id: 'my-half01',
			savedAt: NOW,
			valid: false,
			question: { kind: 'single', prompt: 'Half written' }
		};
		const adopted = adoptAuthored(
			colleaguePack(authoredAs('my-half01', 'Theirs')),
			[draft],
			ids('my-fresh2'),
			NOW
		);
		expect(adopted.renamed).toEqual([['my-half01', 'my-fresh2']]);
	});

	it('says nothing of a pack with no instructor-written questions', () => {
		const adopted = adoptAuthored(colleaguePack(), [], ids(), NOW);
		expect(adopted.pack).toEqual(colleaguePack());
		expect(adoptedMessage(adopted)).toBeUndefined();
	});
});
