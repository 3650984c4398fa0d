import type { ConversionNote } from './types';

/** A conversion note as one plain-language line, e.g. `comp-04: left out: Aiken carries only …`. */
export function describeNote(note: ConversionNote): string {
	return `${note.questionId}: ${note.action === 'omitted' ? 'left out' : 'converted'}: ${note.note}`;
}
