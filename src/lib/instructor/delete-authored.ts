import { authoredNoticeText, deleteAuthored, saveAuthored, type AuthoredEntry } from './authored';
import { deletedMessage, withOwnCopy, withoutOwnCopy, type Draft } from './drafts';

/** What deleting needs of the packs: an edit applied to each, those changed returned (the Builder). */
export interface PackEditor {
	changeAll(edit: (d: Draft) => Draft): Draft[];
}

/** A question the instructor deleted, kept in memory so Undo can put it back as it was. */
export interface DeletedQuestion {
	entry: AuthoredEntry;
	/** The packs that hold it, each now with its own copy. */
	packTitles: string[];
	message: string;
}

export type DeleteOutcome = { ok: true; deleted: DeletedQuestion } | { ok: false; notice: string };

/**
 * Deletes one of the instructor's questions from this browser. Every pack that holds it first gets
 * its own copy, so no pack loses a question; if the browser will not delete it, the packs are put
 * back as they were and the reason is given.
 */
export function deleteOwnQuestion(
	storage: Storage | undefined,
	entry: AuthoredEntry,
	packs: PackEditor
): DeleteOutcome {
	const question = entry.valid ? entry.question : undefined;
	const copied = question ? packs.changeAll((d) => withOwnCopy(d, question)) : [];
	const notice = deleteAuthored(storage, entry.id);
	if (notice) {
		if (question) packs.changeAll((d) => withoutOwnCopy(d, question));
		return { ok: false, notice: `${entry.id} was not deleted: ${authoredNoticeText[notice]}` };
	}
	const packTitles = copied.map((d) => d.title);
	return {
		ok: true,
		deleted: { entry, packTitles, message: deletedMessage(entry.id, packTitles) }
	};
}

/**
 * Undo: the question saved again as it was, and the packs' copies dropped so they follow it again.
 * A sentence saying what happened.
 */
export function restoreOwnQuestion(
	storage: Storage | undefined,
	deleted: DeletedQuestion,
	packs: PackEditor
): { ok: boolean; message: string } {
	const { entry } = deleted;
	const notice = saveAuthored(storage, entry);
	if (notice)
		return {
			ok: false,
			message: `${entry.id} could not be put back: ${authoredNoticeText[notice]}`
		};
	if (entry.valid) packs.changeAll((d) => withoutOwnCopy(d, entry.question));
	return { ok: true, message: `Put back your question ${entry.id}.` };
}
