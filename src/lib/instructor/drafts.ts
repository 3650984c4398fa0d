import { sameQuestion } from '../content/identity';
import { buildPack, type PackCatalog } from '../content/pack';
import type { Pack, Question } from '../content/schema';
import { moveItem } from '../quiz/ordering';
import { quizQuery } from '../quiz/link';
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

/** The quiz link for students: question ids and settings in the query string. */
export function shareQuery(d: Draft): string {
	return quizQuery({
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
 * Ids in the draft that a share link cannot carry: imported questions that the bank lacks or has in
 * another version. Students following the link would miss them, or get the bank's version.
 */
export function unshareableIds(d: Draft): string[] {
	const imported = new Set(d.imported.questions.map((q) => q.id));
	return d.questionIds.filter((id) => imported.has(id));
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

/** A file-name-safe slug of a title. */
export function slugOf(title: string): string {
	return title
		.toLocaleLowerCase('en')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}
