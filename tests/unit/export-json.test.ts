import { describe, expect, it } from 'vitest';
import { packSchema, type Pack } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import { realBankPack, specialCharactersPack } from '../helpers/packs';

/** The text of the file an export of `pack` produces. */
function exportedText(pack: Pack): string {
	const { file } = exportPack(pack, pack.id, 'json');
	expect(typeof file.data).toBe('string');
	return file.data as string;
}

describe('JSON pack export', () => {
	it('names the file after the pack and labels it as JSON', () => {
		const { file } = exportPack(realBankPack(), 'all', 'json');
		expect(file.name).toBe('all.json');
		expect(file.mime).toBe('application/json');
	});

	it('re-imports the whole real bank without losing anything', () => {
		const pack = realBankPack();
		const reimported = packSchema.parse(JSON.parse(exportedText(pack)));
		expect(reimported).toEqual(pack);
		expect(reimported.questions).toHaveLength(pack.questions.length);
	});

	it('keeps every special character of every text field unchanged', () => {
		const pack = specialCharactersPack();
		expect(packSchema.parse(JSON.parse(exportedText(pack)))).toEqual(pack);
	});

	it('writes indented JSON that ends with a newline, so it diffs and edits well', () => {
		const text = exportedText(specialCharactersPack());
		expect(text.endsWith('}\n')).toBe(true);
		expect(text).toContain('\n  "schemaVersion": 1,');
	});

	it('converts and leaves out nothing, so it has no conversion notes', () => {
		expect(exportPack(realBankPack(), 'all', 'json').notes).toEqual([]);
	});
});
