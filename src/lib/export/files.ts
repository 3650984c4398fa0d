import type { Pack } from '../content/schema';
import { exporters, formatIds, type FormatId } from './index';

/** `all.moodle.xml` → the pack name and format it asks for, or undefined. Longest extension wins. */
export function parseExportFileName(file: string): { name: string; format: FormatId } | undefined {
	const byLength = [...formatIds].sort(
		(a, b) => exporters[b].extension.length - exporters[a].extension.length
	);
	for (const format of byLength) {
		const suffix = `.${exporters[format].extension}`;
		if (file.endsWith(suffix) && file.length > suffix.length)
			return { name: file.slice(0, -suffix.length), format };
	}
	return undefined;
}

/** The file names the site publishes for some packs: every pack in every format. */
export function exportFileNames(packNames: readonly string[]): string[] {
	return packNames.flatMap((name) => formatIds.map((f) => `${name}.${exporters[f].extension}`));
}

/** Runs one exporter on a pack; every registered format yields exactly one file. */
export function exportOne(pack: Pack, name: string, format: FormatId) {
	const result = exporters[format].exportPack(pack, name);
	const file = result.files[0];
	if (!file || result.files.length !== 1)
		throw new Error(`${format} must produce exactly one file`);
	return { file, notes: result.notes };
}
