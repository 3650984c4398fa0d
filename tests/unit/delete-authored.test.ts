import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/schema';
import {
	authoredKey,
	loadAuthored,
	saveAuthored,
	type AuthoredEntry
} from '../../src/lib/instructor/authored';
import { deleteOwnQuestion, restoreOwnQuestion } from '../../src/lib/instructor/delete-authored';
import {
	addQuestions,
	draftQuestions,
	newDraft,
	withOwnCopy,
	type Draft
} from '../../src/lib/instructor/drafts';
import { realBankPack } from '../helpers/packs';

const bank = realBankPack();
const bankById = new Map(bank.questions.map((q) => [q.id, q]));
const NOW = '2026-12-02T10:00:00.000Z';

const mine: AuthoredEntry = {
	id: 'my-k3x9q2',
	savedAt: NOW,
	editedFrom: 'comp-03',
	valid: true,
	question: { ...bankById.get('comp-03')!, id: 'my-k3x9q2', prompt: 'Reworded' } as Question
};

/** A Storage in memory, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
	const data = new Map<string, string>();
	return {
		get length() {
			return data.size;
		},
		key: (i) => [...data.keys()][i] ?? null,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, String(v)),
		removeItem: (k) => void data.delete(k),
		clear: () => data.clear()
	};
}

/** The builder's packs, in memory: the same `changeAll` contract. */
function packsOf(...drafts: Draft[]) {
	const packs = {
		drafts,
		changeAll(edit: (d: Draft) => Draft) {
			const changed: Draft[] = [];
			packs.drafts = packs.drafts.map((d) => {
				const after = edit(d);
				if (after !== d) changed.push(after);
				return after;
			});
			return changed;
		}
	};
	return packs;
}

describe('deleting one of your own questions', () => {
	it('removes it from this browser, and each pack that used it keeps its question whole', () => {
		const storage = memoryStorage();
		saveAuthored(storage, mine);
		const week3 = addQuestions(newDraft('p1', NOW, 'Week 3'), ['comp-01', mine.id]);
		const week4 = addQuestions(newDraft('p2', NOW, 'Week 4'), [mine.id]);
		const other = addQuestions(newDraft('p3', NOW, 'Other'), ['comp-01']);
		const packs = packsOf(week3, week4, other);

		const outcome = deleteOwnQuestion(storage, mine, packs);

		expect(outcome.ok).toBe(true);
		expect(storage.getItem(authoredKey(mine.id))).toBeNull();
		expect(loadAuthored(storage).questions).toEqual([]);
		// With the question gone from the browser, the packs still print and export it.
		const [p1, p2, p3] = packs.drafts;
		expect(draftQuestions(p1!, bankById).map((q) => q.prompt)).toEqual([
			bankById.get('comp-01')!.prompt,
			'Reworded'
		]);
		expect(draftQuestions(p2!, bankById).map((q) => q.id)).toEqual([mine.id]);
		expect(p3).toBe(other);
		if (outcome.ok)
			expect(outcome.deleted.message).toBe(
				'Deleted your question my-k3x9q2. Your packs “Week 3” and “Week 4” keep their copy of it, so they print and export as before.'
			);
	});

	it('says plainly when no pack used it', () => {
		const storage = memoryStorage();
		saveAuthored(storage, mine);
		const outcome = deleteOwnQuestion(storage, mine, packsOf(newDraft('p1', NOW)));
		expect(outcome.ok && outcome.deleted.message).toBe('Deleted your question my-k3x9q2.');
	});

	it('Undo puts the question back and the packs follow it again instead of a copy', () => {
		const storage = memoryStorage();
		saveAuthored(storage, mine);
		const packs = packsOf(addQuestions(newDraft('p1', NOW, 'Week 3'), [mine.id]));
		const outcome = deleteOwnQuestion(storage, mine, packs);
		if (!outcome.ok) throw new Error(outcome.notice);

		const restored = restoreOwnQuestion(storage, outcome.deleted, packs);

		expect(restored).toEqual({ ok: true, message: 'Put back your question my-k3x9q2.' });
		expect(loadAuthored(storage).questions).toEqual([mine]);
		expect(packs.drafts[0]!.imported.questions).toEqual([]);
	});

	it('changes no pack when the browser refuses to delete', () => {
		const storage = memoryStorage();
		saveAuthored(storage, mine);
		storage.removeItem = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		const pack = addQuestions(newDraft('p1', NOW, 'Week 3'), [mine.id]);
		const packs = packsOf(pack);
		const outcome = deleteOwnQuestion(storage, mine, packs);
		expect(outcome.ok).toBe(false);
		expect(packs.drafts[0]!.imported.questions).toEqual([]);
		expect(loadAuthored(storage).questions).toHaveLength(1);
	});

	it('leaves a pack that already carries the question whole (from a file) as it is', () => {
		const carried = { ...addQuestions(newDraft('p1', NOW), [mine.id]) };
		const withCopy = withOwnCopy(carried, mine.question as Question);
		expect(withOwnCopy(withCopy, mine.question as Question)).toBe(withCopy);
	});
});
