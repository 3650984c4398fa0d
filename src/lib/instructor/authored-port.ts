import '../zod-jitless';
import { z } from 'zod';
import type { Question } from '../content/schema';
import { difficulties, levels, questionKinds } from '../content/vocabulary';
import {
	authoredNoticeText,
	loadAuthored,
	newAuthoredId,
	saveAuthored,
	type AuthoredEntry
} from './authored';
import { draftFromQuestion, nextListId, type QuestionDraft } from './question-draft';

/**
 * What the question editor needs from the browser's store of authored questions. The editor page
 * passes one in, so the store behind it can change without the editor noticing.
 */
export interface AuthoredQuestionStore {
	/** The saved question with this id, as a draft to edit, if there is one. */
	read(id: string): QuestionDraft | undefined;
	/**
	 * Saves a question: with `built` (it passed every check, and this is the question as the site
	 * uses it) it can go into packs; without, it is kept as a draft. A sentence if it could not.
	 */
	save(draft: QuestionDraft, built: Question | undefined): string | undefined;
	/** A fresh `my-` id that no saved question and no bank question uses. */
	newId(): string;
}

/** The editor's questions in the browser's authored-question store (`authored.ts`). */
export function browserAuthoredStore(storage: Storage | undefined): AuthoredQuestionStore {
	return {
		read(id) {
			const entry = loadAuthored(storage).questions.find((e) => e.id === id);
			return entry && draftOfEntry(entry);
		},
		save(draft, built) {
			const { editedFrom } = draft;
			const fields = { id: draft.id, savedAt: new Date().toISOString(), editedFrom };
			const entry: AuthoredEntry = built
				? { ...fields, valid: true, question: built }
				: { ...fields, valid: false, question: { ...draft } };
			const notice = saveAuthored(storage, entry);
			return notice && authoredNoticeText[notice];
		},
		newId: () => newAuthoredId(loadAuthored(storage).questions.map((e) => e.id))
	};
}

const text = z.string().catch('');
const withId = <S extends z.ZodRawShape>(shape: S) => z.object({ id: z.string().min(1), ...shape });

/**
 * A draft as the editor saved it, read back field by field: a field that is missing or the wrong
 * type is left blank rather than losing the rest (the store already set aside what was not JSON).
 */
const savedDraftSchema = z.object({
	kind: z.enum(questionKinds),
	editedFrom: z.string().optional().catch(undefined),
	topic: text,
	objective: text,
	difficulty: z.enum([...difficulties, '']).catch(''),
	level: z.enum([...levels, '']).catch(''),
	scenario: text,
	prompt: text,
	explanation: text,
	tags: text,
	options: z.array(withId({ text, correct: z.boolean().catch(false), feedback: text })).catch([]),
	answer: z.boolean().optional().catch(undefined),
	feedback: z.object({ ifTrue: text, ifFalse: text }).catch({ ifTrue: '', ifFalse: '' }),
	items: z.array(withId({ text })).catch([]),
	pairs: z.array(withId({ left: text, right: text })).catch([]),
	guidance: text,
	modelAnswer: text,
	rubric: z.array(withId({ criterion: text, points: z.int().catch(1) })).catch([]),
	citations: z.array(z.object({ source: text, exact: text, prefix: text, suffix: text })).catch([])
});

/** A saved entry as a draft to edit: a valid question as the editor shows one, a draft as it was. */
export function draftOfEntry(entry: AuthoredEntry): QuestionDraft | undefined {
	if (entry.valid) return draftFromQuestion(entry.question, entry.id, entry.editedFrom);
	const parsed = savedDraftSchema.safeParse(entry.question);
	if (!parsed.success) return undefined;
	const { editedFrom, ...fields } = parsed.data;
	const draft: QuestionDraft = {
		...fields,
		answer: fields.answer,
		id: entry.id,
		...((entry.editedFrom ?? editedFrom) ? { editedFrom: entry.editedFrom ?? editedFrom } : {})
	};
	return {
		...draft,
		options: uniqueIds('options', draft.options),
		items: uniqueIds('items', draft.items),
		pairs: uniqueIds('pairs', draft.pairs),
		rubric: uniqueIds('rubric', draft.rubric)
	};
}

/** The list with any repeated id replaced by a fresh one: the editor keys its lists by id. */
function uniqueIds<T extends { id: string }>(
	list: 'options' | 'items' | 'pairs' | 'rubric',
	entries: T[]
): T[] {
	const seen: T[] = [];
	for (const entry of entries)
		seen.push(
			seen.some((e) => e.id === entry.id)
				? { ...entry, id: nextListId(list, [...entries, ...seen]) }
				: entry
		);
	return seen;
}
