import type { QuestionDraft } from './question-draft';

/**
 * What the question editor needs from the browser's store of authored questions. The editor page
 * passes one in, so the store behind it can change without the editor noticing.
 */
export interface AuthoredQuestionStore {
	/** The saved question with this id, as a draft to edit, if there is one. */
	read(id: string): QuestionDraft | undefined;
	/** Saves a question, valid or not (an invalid one is a draft); a sentence if it could not. */
	save(draft: QuestionDraft, valid: boolean): string | undefined;
	/** A fresh `my-` id that no saved question and no bank question uses. */
	newId(): string;
}
