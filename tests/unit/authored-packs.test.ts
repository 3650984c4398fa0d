import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/lib/content/anchor';
import type { Question } from '../../src/lib/content/schema';
import { renderPackJson } from '../../src/lib/export/json';
import { withAuthored, type AuthoredEntry } from '../../src/lib/instructor/authored';
import {
	addQuestions,
	draftDifferences,
	draftFromPack,
	draftQuestions,
	draftToPack,
	importMessage,
	newDraft,
	shareLinkNotice,
	shareLinkQuery
} from '../../src/lib/instructor/drafts';
import { parsePackFile } from '../../src/lib/instructor/import';
import { LINK_LIMIT, parseQuizSpec } from '../../src/lib/quiz/link';
import { encodeLinkQuestions } from '../../src/lib/quiz/link-questions';
import { readLinkQuestions } from '../../src/lib/quiz/link-questions-read';
import { realBankPack, realSiteSources } from '../helpers/packs';

const bank = realBankPack();
const sources = realSiteSources();
const bankById = new Map(bank.questions.map((q) => [q.id, q]));
const texts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
const topics = new Set(bank.topics.map((t) => t.id));
const NOW = '2026-12-02T10:00:00.000Z';
const ORIGIN = 'https://sourced.example';
const urlOf = (query: string) => `${ORIGIN}/quiz?${query}`;

/** An instructor's copy of a bank question, reworded, under a `my-` id. */
function authoredCopy(fromId: string, id: string, prompt: string): AuthoredEntry {
	const original = bankById.get(fromId)!;
	return {
		id,
		savedAt: NOW,
		editedFrom: fromId,
		valid: true,
		question: { ...original, id, prompt } as Question
	};
}

const mine = authoredCopy('comp-03', 'my-k3x9q2', 'Reworded: is the screening the only reward?');
const draftEntry: AuthoredEntry = {
	id: 'my-draft1',
	savedAt: NOW,
	valid: false,
	question: { kind: 'single', prompt: 'Half written' }
};
const all = withAuthored(bankById, [mine, draftEntry]);
const own = new Map([[mine.id, mine.question as Question]]);
const pack = addQuestions(newDraft('p1', NOW, 'Week 3'), ['comp-01', mine.id]);

describe("an instructor's own questions in packs", () => {
	it('go into a pack like bank questions, and a draft does not', () => {
		expect(all.has(mine.id)).toBe(true);
		expect(all.has(draftEntry.id)).toBe(false);
		expect(draftQuestions(pack, all).map((q) => q.id)).toEqual(['comp-01', mine.id]);
	});

	it('are reported as yours, not as missing from the bank', () => {
		expect(draftDifferences(pack, bankById, own)).toEqual({
			edited: [],
			notInBank: [],
			authored: [mine.id],
			unavailable: []
		});
	});

	it('that this browser no longer has ready are named, not silently dropped', () => {
		const gone = addQuestions(pack, ['my-deleted']);
		expect(draftDifferences(gone, bankById, own).unavailable).toEqual(['my-deleted']);
		expect(shareLinkNotice(draftDifferences(gone, bankById, own), true)).toMatch(
			/^my-deleted is your own question but no longer ready in this browser/
		);
	});

	it('travel whole in the pack file, and a colleague importing it gets them, checked against the sources', () => {
		const file = renderPackJson(draftToPack(pack, all, bank));
		const imported = parsePackFile(file, sources);
		if (!imported.ok) throw new Error(imported.errors.map((e) => e.detail).join('\n'));
		const question = imported.pack.questions.find((q) => q.id === mine.id);
		expect(question?.prompt).toBe('Reworded: is the screening the only reward?');
		const colleague = draftFromPack(imported.pack, bankById, 'p2', NOW);
		expect(colleague.imported.questions.map((q) => q.id)).toEqual([mine.id]);
		const differences = draftDifferences(colleague, bankById);
		expect(differences.authored).toEqual([mine.id]);
		expect(differences.notInBank).toEqual([]);
		expect(
			importMessage({
				title: 'Week 3',
				fileName: 'week-3.json',
				count: 2,
				differences,
				replacedSources: [],
				replaced: false
			})
		).toContain(`${mine.id} written by an instructor, carried whole`);
	});
});

describe("a share link with an instructor's own questions", () => {
	it('carries them whole while the link stays within 8,000 characters, and the quiz reads them back anchored', async () => {
		const encoded = await encodeLinkQuestions([mine.question as Question]);
		const { query, carriesOwn } = shareLinkQuery(pack, encoded, urlOf);
		expect(carriesOwn).toBe(true);
		expect(urlOf(query).length).toBeLessThanOrEqual(LINK_LIMIT);
		expect(shareLinkNotice(draftDifferences(pack, bankById, own), carriesOwn)).toBeUndefined();

		const { spec, problems } = parseQuizSpec(new URLSearchParams(query));
		expect(problems).toEqual([]);
		expect(spec.own).toBe(encoded);
		const ids = spec.scope.kind === 'ids' ? spec.scope.ids : [];
		const read = await readLinkQuestions(spec.own!, { ids, topics, texts });
		expect(read.problems).toEqual([]);
		expect(read.questions).toEqual([mine.question]);
	});

	it('carries ids only past 8,000 characters, and the builder says to share the file instead', async () => {
		const many = Array.from({ length: 12 }, (_, i) =>
			authoredCopy(bank.questions[i * 7]!.id, `my-many${i}`, `Question ${i}`)
		);
		const manyOwn = new Map(many.map((e) => [e.id, e.question as Question]));
		const big = addQuestions(
			newDraft('p3', NOW, 'Big'),
			many.map((e) => e.id)
		);
		const encoded = await encodeLinkQuestions([...manyOwn.values()]);
		expect(urlOf(`ids=x&own=${encoded}`).length).toBeGreaterThan(LINK_LIMIT);
		const { query, carriesOwn } = shareLinkQuery(big, encoded, urlOf);
		expect(carriesOwn).toBe(false);
		expect(query).not.toContain('own=');
		expect(shareLinkNotice(draftDifferences(big, bankById, manyOwn), carriesOwn)).toMatch(
			/too long for browsers to share reliably \(over 8,000 characters\).*share the pack file instead/
		);
	});

	it('refuses a carried question whose quotation its source does not have', async () => {
		const q = mine.question as Question;
		const forged = {
			...q,
			citations: [{ ...q.citations[0]!, exact: 'OpenAI paid every artist a generous fee.' }]
		} as Question;
		const encoded = await encodeLinkQuestions([forged]);
		const read = await readLinkQuestions(encoded, { ids: [q.id], topics, texts });
		expect(read.questions).toEqual([]);
		expect(read.problems).toEqual([
			expect.stringMatching(
				/^Your instructor’s question my-k3x9q2 in this link quotes a passage its source does not have \(citation 1 .*quote not found/
			)
		]);
	});

	it('takes only "my-" questions the link lists, so a link cannot replace a bank question', async () => {
		const fake = { ...bankById.get('comp-01')!, prompt: 'Changed' };
		const encoded = await encodeLinkQuestions([fake, mine.question as Question]);
		const read = await readLinkQuestions(encoded, { ids: ['comp-01'], topics, texts });
		expect(read.questions).toEqual([]);
		expect(read.problems).toHaveLength(2);
	});

	it('says so when the carried questions were cut short, and the quiz goes on without them', async () => {
		const encoded = await encodeLinkQuestions([mine.question as Question]);
		const read = await readLinkQuestions(encoded.slice(0, 40), { ids: [mine.id], topics, texts });
		expect(read.questions).toEqual([]);
		expect(read.problems[0]).toMatch(/could not be read \(it may have been cut short/);
		expect(parseQuizSpec(new URLSearchParams('topic=compensation&own=1.abc')).problems).toEqual([
			expect.stringMatching(/own questions could not be read/)
		]);
	});
});
