import { describe, expect, it } from 'vitest';
import {
	anyFilter,
	highlightParts,
	matchesFilter,
	normaliseSpelling,
	randomPick
} from '../../src/lib/instructor/filters';
import {
	addQuestions,
	draftFromPack,
	draftToPack,
	moveQuestion,
	moveQuestionTo,
	newDraft,
	removeQuestion,
	shareQuery,
	unshareableIds
} from '../../src/lib/instructor/drafts';
import { MAX_PACK_BYTES, parsePackFile } from '../../src/lib/instructor/import';
import { renderPackJson } from '../../src/lib/export/json';
import { parseQuizSpec } from '../../src/lib/quiz/link';
import { realBankPack } from '../helpers/packs';

const bank = realBankPack();
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const now = '2026-11-22T10:00:00.000Z';

describe('filtering the bank', () => {
	it('narrows by topic, kind, difficulty, cited source and discrepancy together', () => {
		const f = {
			...anyFilter,
			topic: 'reading-coverage',
			source: 'unattributed-leak-exposes',
			tag: 'd2'
		};
		const found = bank.questions.filter((q) => matchesFilter(q, f));
		expect(found.length).toBeGreaterThan(0);
		for (const q of found) {
			expect(q.topic).toBe('reading-coverage');
			expect(q.citations.some((c) => c.source === 'unattributed-leak-exposes')).toBe(true);
			expect(q.tags).toContain('d2');
		}
	});

	it('narrows by cognitive level', () => {
		const found = bank.questions.filter((q) => matchesFilter(q, { ...anyFilter, level: 'apply' }));
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(bank.questions.length);
		for (const q of found) expect(q.level).toBe('apply');
	});

	it('finds words in prompts, options and explanations, in any order and case', () => {
		const found = bank.questions.filter((q) =>
			matchesFilter(q, { ...anyFilter, text: 'WATERMARK videos' })
		);
		expect(found.length).toBeGreaterThan(0);
		expect(
			bank.questions.filter((q) => matchesFilter(q, { ...anyFilter, text: 'zzqx-no-such-word' }))
		).toEqual([]);
	});

	it('draws the same random questions for the same seed', () => {
		const a = randomPick(bank.questions, 5, 'seed-a').map((q) => q.id);
		expect(randomPick(bank.questions, 5, 'seed-a').map((q) => q.id)).toEqual(a);
		expect(randomPick(bank.questions, 5, 'seed-b').map((q) => q.id)).not.toEqual(a);
		expect(new Set(a).size).toBe(5);
	});
});

describe('searching the bank across British and American spelling', () => {
	const search = (text: string) =>
		bank.questions.filter((q) => matchesFilter(q, { ...anyFilter, text })).map((q) => q.id);

	it('finds the same questions for "labor" and "labour"', () => {
		const labour = search('labour');
		expect(labour.length).toBeGreaterThan(0);
		expect(search('labor')).toEqual(labour);
		expect(search('LABOR')).toEqual(labour);
	});

	it.each([
		['labour', 'labor'],
		['colour', 'color'],
		['favourite', 'favorite'],
		['behaviours', 'behaviors'],
		['organisation', 'organization'],
		['criticised', 'criticized'],
		['recognising', 'recognizing'],
		['analyse', 'analyze'],
		['centre', 'center'],
		['modelled', 'modeled'],
		['labelling', 'labeling'],
		['judgement', 'judgment']
	])('spells "%s" and "%s" alike', (british, american) => {
		expect(normaliseSpelling(british)).toBe(normaliseSpelling(american));
	});

	it.each(['four', 'your', 'hour', 'rise', 'wise', 'analysis', 'genre', 'called', 'our'])(
		'leaves the short or unrelated word "%s" alone',
		(word) => expect(normaliseSpelling(word)).toBe(word)
	);

	it('marks each word that matches, whichever spelling the search uses', () => {
		expect(highlightParts('Unpaid labour, they said; labor law.', 'LABOR')).toEqual([
			{ text: 'Unpaid ', match: false },
			{ text: 'labour', match: true },
			{ text: ', they said; ', match: false },
			{ text: 'labor', match: true },
			{ text: ' law.', match: false }
		]);
		expect(highlightParts('Nothing here', '')).toEqual([{ text: 'Nothing here', match: false }]);
	});
});

describe('a draft pack', () => {
	it('moves a question straight to a position, the others keeping their order', () => {
		const d = addQuestions(newDraft('d1', now), ['a', 'b', 'c', 'd', 'e']);
		expect(moveQuestionTo(d, 'e', 0).questionIds).toEqual(['e', 'a', 'b', 'c', 'd']);
		expect(moveQuestionTo(d, 'a', 3).questionIds).toEqual(['b', 'c', 'd', 'a', 'e']);
		expect(moveQuestionTo(d, 'b', 99).questionIds).toEqual(['a', 'c', 'd', 'e', 'b']);
		expect(moveQuestionTo(d, 'c', -5).questionIds).toEqual(['c', 'a', 'b', 'd', 'e']);
		expect(moveQuestionTo(d, 'c', 2)).toBe(d);
		expect(moveQuestionTo(d, 'zzz', 0)).toBe(d);
		expect(moveQuestionTo(d, 'a', Number.NaN)).toBe(d);
	});

	it('adds each question once, reorders and removes', () => {
		let d = addQuestions(newDraft('d1', now), ['comp-01', 'wash-01', 'comp-01']);
		d = addQuestions(d, ['wash-01', 'conf-01']);
		expect(d.questionIds).toEqual(['comp-01', 'wash-01', 'conf-01']);
		d = moveQuestion(d, 'conf-01', -1);
		expect(d.questionIds).toEqual(['comp-01', 'conf-01', 'wash-01']);
		expect(moveQuestion(d, 'comp-01', -1)).toBe(d);
		expect(removeQuestion(d, 'conf-01').questionIds).toEqual(['comp-01', 'wash-01']);
	});

	it('becomes a self-contained pack with only the topics and sources it needs', () => {
		const d = {
			...addQuestions(newDraft('d1', now, 'Week 3: art washing'), ['wash-01', 'comp-01']),
			mode: 'test' as const
		};
		const pack = draftToPack(d, byId, bank);
		expect(pack).toMatchObject({
			id: 'week-3-art-washing',
			title: 'Week 3: art washing',
			settings: { mode: 'test' }
		});
		expect(pack.questions.map((q) => q.id)).toEqual(['wash-01', 'comp-01']);
		expect(pack.topics.map((t) => t.id)).toEqual(['compensation', 'art-washing']);
		expect(pack.sources.map((s) => s.id).sort()).toEqual(
			[...new Set(pack.questions.flatMap((q) => q.citations.map((c) => c.source)))].sort()
		);
	});

	it('shares as a quiz link that carries its ids, title, mode and instructions', () => {
		const d = {
			...addQuestions(newDraft('d1', now, 'Week 3'), ['wash-01', 'comp-01']),
			mode: 'test' as const,
			shuffleOptions: false,
			instructions: 'Work alone.'
		};
		const { spec, problems } = parseQuizSpec(new URLSearchParams(shareQuery(d)));
		expect(problems).toEqual([]);
		expect(spec).toMatchObject({
			scope: { kind: 'ids', ids: ['wash-01', 'comp-01'] },
			mode: 'test',
			shuffleOptions: false,
			shuffleQuestions: false,
			title: 'Week 3',
			instructions: 'Work alone.'
		});
	});

	it('imports a pack: bank questions by id, any other question kept whole and flagged as not shareable', () => {
		const changed = { ...bank.questions[0]!, prompt: 'An edited prompt' };
		const pack = { ...bank, title: 'Imported', questions: [changed, bank.questions[1]!] };
		const d = draftFromPack(pack, byId, 'd2', now);
		expect(d.questionIds).toEqual([changed.id, bank.questions[1]!.id]);
		expect(d.imported.questions).toEqual([changed]);
		expect(unshareableIds(d)).toEqual([changed.id]);
		expect(draftToPack(d, byId, bank).questions[0]!.prompt).toBe('An edited prompt');
	});
});

describe('importing a pack file', () => {
	it('re-imports its own JSON export with every question still in the bank and shareable by link', () => {
		const file = renderPackJson(bank);
		const imported = parsePackFile(file);
		if (!imported.ok) throw new Error(imported.errors.join('\n'));
		// The file's keys come back in schema order, not the order the bank built them in.
		expect(Object.keys(imported.pack.questions[0]!)).not.toEqual(Object.keys(bank.questions[0]!));
		const draft = draftFromPack(imported.pack, byId, 'p2', now);
		expect(draft.imported.questions).toEqual([]);
		expect(unshareableIds(draft)).toEqual([]);
		expect(parseQuizSpec(new URLSearchParams(shareQuery(draft))).spec.scope).toEqual({
			kind: 'ids',
			ids: bank.questions.map((q) => q.id)
		});
	});

	it("treats a question edited in the file as not the bank's, however its keys are ordered", () => {
		const [first, ...rest] = bank.questions;
		const edited = { ...first!, prompt: `${first!.prompt} (edited)` };
		const reordered = Object.fromEntries(Object.entries(edited).reverse()) as typeof edited;
		const draft = draftFromPack({ ...bank, questions: [reordered, ...rest] }, byId, 'p3', now);
		expect(draft.imported.questions.map((q) => q.id)).toEqual([first!.id]);
	});

	it('accepts the published whole-bank pack', () => {
		const result = parsePackFile(JSON.stringify(bank));
		expect(result.ok && result.pack.questions.length).toBe(bank.questions.length);
	});

	it('lists every problem with its JSON path', () => {
		const broken = JSON.parse(JSON.stringify(bank));
		broken.questions[3].kind = 'poem';
		delete broken.questions[5].explanation;
		broken.extra = true;
		const result = parsePackFile(JSON.stringify(broken));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^\$\.questions\[3\]\.kind: /),
				expect.stringMatching(/^\$\.questions\[5\]\.explanation: /),
				expect.stringMatching(/^\$: Unrecognized key: "extra"/)
			])
		);
	});

	it('refuses control characters, U+FFFF and lone surrogates at their JSON path, and makes CR a line feed', () => {
		const edited = structuredClone(bank);
		edited.questions[0]!.prompt = '\u0000[html]<b>bold</b>';
		edited.questions[1]!.explanation = 'ends badly \uFFFF';
		const cited = edited.questions[2]!.citations[0]!;
		cited.exact = `${cited.exact}\uD800`;
		const refused = parsePackFile(JSON.stringify(edited));
		expect(!refused.ok && refused.errors).toEqual([
			expect.stringMatching(
				/^\$\.questions\[0\]\.prompt: contains the character U\+0000 at position 1/
			),
			expect.stringMatching(/^\$\.questions\[1\]\.explanation: contains the character U\+FFFF/),
			expect.stringMatching(
				/^\$\.questions\[2\]\.citations\[0\]\.exact: contains the character U\+D800/
			)
		]);
		const crlf = { ...bank, description: 'Line one\r\nline two\rline three' };
		const imported = parsePackFile(JSON.stringify(crlf));
		expect(imported.ok && imported.pack.description).toBe('Line one\nline two\nline three');
	});

	it('refuses JSON nested far deeper or holding far more values than a pack, before validating it', () => {
		let deep: unknown = 'bottom';
		for (let i = 0; i < 40; i++) deep = [deep];
		const nested = parsePackFile(JSON.stringify({ ...bank, description: deep }));
		expect(!nested.ok && nested.errors).toEqual([
			expect.stringMatching(/^\$\.description(\[0\])+: nested more than 16 levels deep/)
		]);
		const wide = parsePackFile(JSON.stringify({ ...bank, extra: new Array(300_000).fill(0) }));
		expect(!wide.ok && wide.errors).toEqual([
			expect.stringMatching(/^\$: holds more than 250,000 values/)
		]);
	});

	it('says where JSON is broken, and refuses files over 5 MB before reading them', () => {
		const bad = parsePackFile('{"schemaVersion": 1,');
		expect(!bad.ok && bad.errors[0]).toMatch(/^\$: not valid JSON/);
		const big = parsePackFile('', MAX_PACK_BYTES + 1);
		expect(!big.ok && big.errors[0]).toMatch(/a pack can be at most 5 MB/);
	});
});
