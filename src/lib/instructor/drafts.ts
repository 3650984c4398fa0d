import { sameQuestion } from '../content/identity';
import { buildPack, type PackCatalog } from '../content/pack';
import type { Pack, Question } from '../content/schema';
import { moveItem } from '../quiz/ordering';
import { LINK_LIMIT, quizQuery } from '../quiz/link';
import { isAuthoredId } from './authored-entries';
import type { Draft } from './drafts-store';

export type { Draft } from './drafts-store';

export function newDraft(id: string, now: string, title = 'Untitled pack'): Draft {
	return {
		id,
		title,
		instructions: '',
		mode: 'practice',
		shuffleOptions: true,
		questionIds: [],
		imported: { questions: [], topics: [], sources: [] },
		updatedAt: now
	};
}

/** Adds questions at the end, each once. */
export function addQuestions(d: Draft, ids: readonly string[]): Draft {
	const fresh = ids.filter((id, i) => !d.questionIds.includes(id) && ids.indexOf(id) === i);
	return fresh.length ? { ...d, questionIds: [...d.questionIds, ...fresh] } : d;
}

export function removeQuestion(d: Draft, id: string): Draft {
	return { ...d, questionIds: d.questionIds.filter((q) => q !== id) };
}

export function moveQuestion(d: Draft, id: string, by: -1 | 1): Draft {
	const questionIds = moveItem(d.questionIds, id, by);
	return questionIds === d.questionIds ? d : { ...d, questionIds };
}

/**
 * The draft with one question moved to a 0-based position (clamped to the list), the others keeping
 * their order; the same draft if nothing moves.
 */
export function moveQuestionTo(d: Draft, id: string, to: number): Draft {
	const from = d.questionIds.indexOf(id);
	const target = Math.min(Math.max(0, Math.trunc(to)), d.questionIds.length - 1);
	if (from === -1 || !Number.isFinite(to) || target === from) return d;
	const questionIds = d.questionIds.filter((q) => q !== id);
	questionIds.splice(target, 0, id);
	return { ...d, questionIds };
}

/** The draft's questions in pack order: imported ones first by id, otherwise the bank's. */
export function draftQuestions(
	d: Pick<Draft, 'questionIds' | 'imported'>,
	bank: ReadonlyMap<string, Question>
): Question[] {
	const imported = new Map(d.imported.questions.map((q) => [q.id, q]));
	return d.questionIds.flatMap((id) => imported.get(id) ?? bank.get(id) ?? []);
}

/** The draft as a self-contained pack, with the topics and sources its questions need. */
export function draftToPack(
	d: Draft,
	bank: ReadonlyMap<string, Question>,
	catalog: PackCatalog
): Pack {
	return buildPack(
		{
			topics: [
				...catalog.topics,
				...d.imported.topics.filter((t) => !catalog.topics.some((c) => c.id === t.id))
			],
			sources: [
				...catalog.sources,
				...d.imported.sources.filter((s) => !catalog.sources.some((c) => c.id === s.id))
			]
		},
		{
			id: slugOf(d.title) || 'pack',
			title: d.title.trim() || 'Untitled pack',
			description: d.instructions,
			settings: { mode: d.mode, shuffleOptions: d.shuffleOptions, shuffleQuestions: false },
			questions: draftQuestions(d, bank)
		}
	);
}

/**
 * The quiz link for students: question ids and settings in the query string, and, given `own` (from
 * `encodeLinkQuestions`), the instructor's own questions whole.
 */
export function shareQuery(d: Draft, own?: string): string {
	return quizQuery({
		own,
		scope: { kind: 'ids', ids: d.questionIds },
		difficulty: 'any',
		mode: d.mode,
		shuffleOptions: d.shuffleOptions,
		shuffleQuestions: false,
		title: d.title.trim() || undefined,
		instructions: d.instructions.trim() || undefined
	});
}

/**
 * The share link's query: with the instructor's own questions whole (`own`, from
 * `encodeLinkQuestions`) when the whole URL (`urlOf`) stays within LINK_LIMIT characters, otherwise
 * ids only; and whether it carries them.
 */
export function shareLinkQuery(
	d: Draft,
	own: string | undefined,
	urlOf: (query: string) => string
): { query: string; carriesOwn: boolean } {
	if (own) {
		const query = shareQuery(d, own);
		if (urlOf(query).length <= LINK_LIMIT) return { query, carriesOwn: true };
	}
	return { query: shareQuery(d), carriesOwn: false };
}

/**
 * The draft's questions that are not the bank's, in pack order: edited in the pack, not in the bank
 * at all, written by an instructor in the browser (`my-…`: carried whole by the pack, never "missing"),
 * or an instructor's question this browser no longer has ready (deleted, or now a draft).
 */
export interface PackDifferences {
	edited: string[];
	notInBank: string[];
	authored: string[];
	unavailable: string[];
}

export const noDifferences: PackDifferences = {
	edited: [],
	notInBank: [],
	authored: [],
	unavailable: []
};

/**
 * Which of the draft's questions differ from the bank, in pack order. The pack's own text is what
 * print and exports use; a share link carries ids (and, while it stays short, the instructor's own
 * questions whole), so students following it get the bank's version of an edited one.
 */
export function draftDifferences(
	d: Pick<Draft, 'questionIds' | 'imported'>,
	bank: ReadonlyMap<string, Question>,
	authored: ReadonlyMap<string, Question> = new Map()
): PackDifferences {
	const own = new Map(d.imported.questions.map((q) => [q.id, q]));
	const differences: PackDifferences = { edited: [], notInBank: [], authored: [], unavailable: [] };
	for (const id of d.questionIds) {
		const q = own.get(id);
		if (isAuthoredId(id)) {
			if (q || authored.has(id)) differences.authored.push(id);
			else differences.unavailable.push(id);
			continue;
		}
		if (!q) continue;
		const banked = bank.get(id);
		if (!banked) differences.notInBank.push(id);
		else if (!sameQuestion(banked, q)) differences.edited.push(id);
	}
	return differences;
}

/** "comp-01", "comp-01 and comp-02", "comp-01, comp-02 and comp-03" */
const listed = (ids: readonly string[]) =>
	ids.length < 2 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

/** "is" or "are", with the list. */
const isAre = (ids: readonly string[]) => `${listed(ids)} ${ids.length === 1 ? 'is' : 'are'}`;

/**
 * What a share link does with questions that differ from the bank, in a sentence or two; undefined
 * when none do. The link carries ids, and the instructor's own questions whole only when
 * `authoredFit` (the link then stays under its size limit).
 */
export function shareLinkNotice(
	{ edited, notInBank, authored, unavailable }: PackDifferences,
	authoredFit = false
): string | undefined {
	const sentences: string[] = [];
	if (unavailable.length)
		sentences.push(
			`${isAre(unavailable)} your own ${unavailable.length === 1 ? 'question' : 'questions'} but no longer ready in this browser (deleted, or saved as a draft), so the link, print and exports leave ${unavailable.length === 1 ? 'it' : 'them'} out.`
		);
	if (authored.length && !authoredFit)
		sentences.push(
			`With your own ${authored.length === 1 ? 'question' : 'questions'} (${listed(authored)}) the link would be too long for browsers to share reliably (over ${LINK_LIMIT.toLocaleString('en')} characters), so it carries only ids and students would be told ${authored.length === 1 ? 'it is' : 'they are'} missing: share the pack file instead (Export, then “Pack file (JSON)”), or print it.`
		);
	if (edited.length || notInBank.length) {
		const parts = [
			edited.length &&
				`${isAre(edited)} edited in this pack, but students following the link get the bank’s version`,
			notInBank.length &&
				`${isAre(notInBank)} not in the bank, so students would be told ${notInBank.length === 1 ? 'it is' : 'they are'} missing`
		].filter(Boolean);
		sentences.push(
			`A link carries question ids, not question text: ${parts.join('; ')}. The print view and the exports use this pack’s own text; to give students that text, export the pack to your LMS or print it.`
		);
	}
	return sentences.length ? sentences.join(' ') : undefined;
}

/** The message after an import: what was imported, under which name, and what differs from the bank. */
export function importMessage(details: {
	title: string;
	fileName: string;
	count: number;
	differences: PackDifferences;
	replacedSources: readonly string[];
	replaced: boolean;
}): string {
	const { title, fileName, count, differences, replacedSources, replaced } = details;
	const { edited, notInBank, authored } = differences;
	const differ = edited.length + notInBank.length + authored.length;
	const what = [
		edited.length && `${listed(edited)} edited in this pack`,
		notInBank.length && `${listed(notInBank)} not in the bank`,
		authored.length && `${listed(authored)} written by an instructor, carried whole`
	].filter(Boolean);
	const sentences = [
		`Imported “${title}” from ${fileName}: ${count} ${count === 1 ? 'question' : 'questions'}, ${
			differ === 0
				? 'all as in the bank'
				: `${differ} ${differ === 1 ? 'differs' : 'differ'} from the bank (${what.join('; ')})`
		}.`,
		differ > 0 &&
			'Print and exports use the pack’s own text; a share link gives students the bank’s version.',
		replacedSources.length > 0 &&
			`The file’s details of ${listed(replacedSources)} differed from this site’s, so the site’s are used.`,
		replaced
			? 'It replaced the pack of the same name and is now the pack being edited.'
			: 'It is now the pack being edited.'
	];
	return sentences.filter(Boolean).join(' ');
}

/** The draft whose title is this one (ignoring case and spaces at the ends), if any. */
export function draftNamed(drafts: readonly Draft[], title: string): Draft | undefined {
	const key = (t: string) => t.trim().toLocaleLowerCase('en');
	return drafts.find((d) => key(d.title) === key(title));
}

/** A title no draft has yet: "Week 3 (2)", or "Week 3 (3)" if that is taken too. */
export function freeTitle(drafts: readonly Draft[], title: string): string {
	const base = title.trim();
	if (!draftNamed(drafts, base)) return base;
	for (let n = 2; ; n++) if (!draftNamed(drafts, `${base} (${n})`)) return `${base} (${n})`;
}

/**
 * A new draft from an imported pack. A question the bank has, unchanged, is kept by id; any other
 * is kept whole (with its topics and sources), so nothing in the file is lost.
 */
export function draftFromPack(
	pack: Pack,
	bank: ReadonlyMap<string, Question>,
	id: string,
	now: string
): Draft {
	const foreign = pack.questions.filter((q) => !sameQuestion(bank.get(q.id), q));
	return {
		...newDraft(id, now, pack.title),
		instructions: pack.description,
		mode: pack.settings.mode,
		shuffleOptions: pack.settings.shuffleOptions,
		questionIds: pack.questions.map((q) => q.id),
		imported: { questions: foreign, topics: pack.topics, sources: pack.sources }
	};
}

/** The packs that hold question `id`, in the builder's order. */
export function packsHolding(drafts: readonly Draft[], id: string): Draft[] {
	return drafts.filter((d) => d.questionIds.includes(id));
}

/**
 * The pack with its own copy of `question` when it holds it by id only, so deleting the instructor's
 * question takes nothing from the pack (print, exports and the file still carry it whole).
 */
export function withOwnCopy(d: Draft, question: Question): Draft {
	if (!d.questionIds.includes(question.id)) return d;
	if (d.imported.questions.some((q) => q.id === question.id)) return d;
	return { ...d, imported: { ...d.imported, questions: [...d.imported.questions, question] } };
}

/**
 * `withOwnCopy` undone: the pack's copy of `question` dropped when it is exactly that question, so the
 * pack follows the instructor's question again once it is back.
 */
export function withoutOwnCopy(d: Draft, question: Question): Draft {
	const kept = d.imported.questions.filter((q) => !sameQuestion(q, question));
	return kept.length === d.imported.questions.length
		? d
		: { ...d, imported: { ...d.imported, questions: kept } };
}

/** What deleting one of the instructor's questions did, in a sentence or two. */
export function deletedMessage(id: string, packTitles: readonly string[]): string {
	const titles = packTitles.map((t) => `“${t.trim() || 'Untitled pack'}”`);
	if (!titles.length) return `Deleted your question ${id}.`;
	const packs = `${titles.length === 1 ? 'pack' : 'packs'} ${listed(titles)}`;
	return `Deleted your question ${id}. Your ${packs} ${titles.length === 1 ? 'keeps its' : 'keep their'} copy of it, so ${titles.length === 1 ? 'it prints and exports' : 'they print and export'} as before.`;
}

/** A file-name-safe slug of a title. */
export function slugOf(title: string): string {
	return title
		.toLocaleLowerCase('en')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}
