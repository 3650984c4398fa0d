import type { Pack } from '../content/schema';

/** What an export had to change or leave out, per question: never dropped silently. */
export interface ConversionNote {
	questionId: string;
	action: 'converted' | 'omitted';
	/** Plain-language reason, e.g. "ordering exported as matching (item → position)". */
	note: string;
}

/** What an exporter makes of a pack: the file's contents (text, or bytes for a zip) and its notes. */
export interface Rendering {
	data: string | Uint8Array;
	notes: ConversionNote[];
	/** What the LMS keeps of the pack as a whole and what it does not, in plain sentences, if the format says. */
	summary?: string[];
}

/** The player a self-contained package carries (built by `npm run build`): one script, one stylesheet. */
export interface PlayerFiles {
	js: string;
	css: string;
}

/**
 * What a self-contained package (SCORM) needs beyond the pack: its player, and the texts of the
 * sources it cites (a pack carries their metadata, not their texts), by source id.
 */
export interface PackageKit {
	player: PlayerFiles;
	sourceTexts: Readonly<Record<string, string>>;
}

/** Choices an export may take beyond the pack; formats that have no use for one ignore it. */
export interface ExportOptions {
	/** The pass mark in percent (0–100), for formats that report pass or fail to an LMS. */
	passMark?: number;
	/** The player and source texts, for formats that carry them (SCORM). */
	kit?: PackageKit;
}

/** A format an instructor can export a pack to: a pure function from a pack to one file. */
export interface Exporter {
	/** Short label for buttons, e.g. "Moodle XML". */
	label: string;
	/** File-name ending after the pack name, e.g. "moodle.xml" → `all.moodle.xml`. */
	extension: string;
	/** The file's media type, e.g. "application/xml". */
	mime: string;
	/** One sentence: which LMS imports it and how. */
	description: string;
	/** The file's contents for a pack, and what the format had to change or leave out. */
	render(pack: Pack, options?: ExportOptions): Rendering;
	/** Whether `render` needs `options.kit` (the player and source texts), which the caller must fetch or read. */
	needsKit?: boolean;
	/** Whether the format carries a pass mark (`options.passMark`). */
	takesPassMark?: boolean;
}

/** One exported file, named `<pack name>.<extension>`: text, or bytes for a zip package. */
export interface ExportFile {
	name: string;
	data: string | Uint8Array;
	mime: string;
}

/** A pack exported in one format: the file and what the export had to change or leave out. */
export interface ExportResult {
	file: ExportFile;
	notes: ConversionNote[];
	/** What the LMS keeps of the pack as a whole and what it does not (empty where the format says nothing). */
	summary: string[];
}
