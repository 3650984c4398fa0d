import { aiken } from './aiken';
import { csv } from './csv';
import { gift } from './gift';
import { json } from './json';
import { markdown } from './markdown';
import { moodleXml } from './moodle-xml';
import { canvasQti } from './qti12-canvas';
import { qti21 } from './qti21';
import { scorm12 } from './scorm12';
import type { Exporter } from './types';

/**
 * Every export format, in the order the builder lists them. Each renders a pack as one file; the
 * site's prerendered /packs/<name>.<extension> files, the builder's downloads and the CLI all go
 * through this table (and `files.ts`, which names the files).
 */
export const exporters = {
	json,
	moodleXml,
	gift,
	qti21,
	scorm12,
	canvasQti,
	aiken,
	csv,
	markdown
} satisfies Record<string, Exporter>;

export type FormatId = keyof typeof exporters;
export const formatIds = Object.keys(exporters) as FormatId[];
