import { describe, expect, it } from 'vitest';
import { exporters, formatIds } from '../../src/lib/export';
import {
	exportFileName,
	exportFileNames,
	exportPack,
	parseExportFileName
} from '../../src/lib/export/files';
import { realBankPack } from '../helpers/packs';

describe('export file names', () => {
	it('names every export <pack>.<extension>, and reads each name back to its pack and format', () => {
		const names = exportFileNames(['all', 'compensation']);
		expect(names).toHaveLength(2 * formatIds.length);
		expect(names).toContain('all.moodle.xml');
		expect(names).toContain('compensation.canvas-qti12.zip');
		for (const name of ['all', 'compensation'])
			for (const format of formatIds)
				expect(parseExportFileName(exportFileName(name, format))).toEqual({ name, format });
	});

	it('finds no export in a name without a known extension or without a pack name', () => {
		expect(parseExportFileName('all.docx')).toBeUndefined();
		expect(parseExportFileName('.csv')).toBeUndefined();
	});
});

describe('exporting a pack in one format', () => {
	it('gives the file its name and media type from the format, and the format’s contents and notes', () => {
		const bank = realBankPack();
		const pack = { ...bank, questions: bank.questions.slice(0, 5) };
		// A stand-in player: the SCORM package needs one (the real one comes from `npm run build`).
		const options = { kit: { player: { js: '', css: '' }, sourceTexts: {} } };
		for (const format of formatIds) {
			const { file, notes } = exportPack(pack, 'mine', format, options);
			const rendered = exporters[format].render(pack, options);
			expect(file.name).toBe(`mine.${exporters[format].extension}`);
			expect(file.mime).toBe(exporters[format].mime);
			expect(file.data).toEqual(rendered.data);
			expect(notes).toEqual(rendered.notes);
		}
	});
});
