import type { Question, QuestionKind, QuestionOf } from '../content/schema';
import type { ConversionNote } from './types';

/** A conversion note as one plain-language line, e.g. `comp-04: left out: Aiken carries only …`. */
export function describeNote(note: ConversionNote): string {
	return `${note.questionId}: ${note.action === 'omitted' ? 'left out' : 'converted'}: ${note.note}`;
}

/** What an export says about each kind it converts: the note for one question of that kind. */
export type KindNotes = { [K in QuestionKind]?: (question: QuestionOf<K>) => string };

/** A "converted" note for each question whose kind the export converts, in the questions' order. */
export function kindConversionNotes(
	questions: readonly Question[],
	notes: KindNotes
): ConversionNote[] {
	return questions.flatMap((q) => {
		const noteOf = notes[q.kind] as ((question: Question) => string) | undefined;
		return noteOf ? [{ questionId: q.id, action: 'converted' as const, note: noteOf(q) }] : [];
	});
}

/** The notes as lines for a comment in an export file: a count and one line each, or `none` when there are none. */
export function conversionSummaryLines(notes: readonly ConversionNote[], none: string): string[] {
	if (notes.length === 0) return [none];
	return [
		`Conversion notes (${notes.length}):`,
		...notes.map((n) => `- ${n.questionId}: ${n.note}.`)
	];
}
