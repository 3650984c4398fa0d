import type { Pack } from '../content/schema';

/** One file an export produces. Text formats give a string; zip packages give bytes. */
export interface ExportFile {
	name: string;
	data: string | Uint8Array;
	mime: string;
}

/** What an export had to change or leave out, per question: never dropped silently. */
export interface ConversionNote {
	questionId: string;
	action: 'converted' | 'omitted';
	/** Plain-language reason, e.g. "ordering exported as matching (item → position)". */
	note: string;
}

export interface ExportResult {
	files: ExportFile[];
	notes: ConversionNote[];
}

/** A format an instructor can export a pack to: a pure function from a pack to files. */
export interface Exporter {
	/** Short label for buttons, e.g. "Moodle XML". */
	label: string;
	/** File-name ending after the pack name, e.g. "moodle.xml" → `all.moodle.xml`. */
	extension: string;
	/** One sentence: which LMS imports it and how. */
	description: string;
	exportPack(pack: Pack, baseName: string): ExportResult;
}
