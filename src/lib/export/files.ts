import type { Pack } from '../content/schema';
import { exporters, formatIds, type FormatId } from './index';
import type { ExportOptions, ExportResult } from './types';

/** The name of a pack's export file, `<name>.<extension>`: `all.moodle.xml`. */
export function exportFileName(name: string, format: FormatId): string {
	return `${name}.${exporters[format].extension}`;
}

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
	return packNames.flatMap((name) => formatIds.map((format) => exportFileName(name, format)));
}

/** A pack exported in one format, as the file `<name>.<extension>` with its media type. */
export function exportPack(
	pack: Pack,
	name: string,
	format: FormatId,
	options: ExportOptions = {}
): ExportResult {
	const exporter = exporters[format];
	const { data, notes, summary = [] } = exporter.render(pack, options);
	return {
		file: { name: exportFileName(name, format), data, mime: exporter.mime },
		notes,
		summary
	};
}
