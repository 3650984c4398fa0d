/**
 * npm run export -- --format <id> [--topic <id>...] [--ids <id,...>] [--pack <file.json>] [--pass-mark <0-100>] --out <path>
 * Exports questions with the same exporters the site uses. Without --topic, --ids or --pack it
 * exports the whole bank. Prints what each format had to convert or leave out.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadBank } from '../src/lib/content/load';
import { bankCatalog, buildPack, bankPack } from '../src/lib/content/pack';
import { ContentError } from '../src/lib/content/problems';
import type { Pack } from '../src/lib/content/schema';
import { exporters, formatIds, type FormatId } from '../src/lib/export';
import type { ExportOptions } from '../src/lib/export/types';
import { packageKitOf } from '../src/lib/server/package-kit';
import { describeNote } from '../src/lib/export/notes';
import { readPackFile } from './pack-file';

const HELP = `Usage: npm run export -- --format <id> [--topic <id>...] [--ids <id,...>] [--pack <file.json>] [--pass-mark <0-100>] --out <path>

Formats:
${formatIds.map((id) => `  ${id.padEnd(12)} ${exporters[id].label} (.${exporters[id].extension}): ${exporters[id].description}`).join('\n')}

Options:
  --format <id>     one of the formats above (required)
  --topic <id>      only this topic's questions; repeat for several topics
  --ids <a,b,...>   only these question ids, in this order
  --pack <file>     export a pack file (validated against the pack schema) instead of the bank
  --pass-mark <n>   scorm12 only: the percentage that passes (0-100); without it the LMS is told
                    "completed" and the score
  --out <path>      where to write the file (required)
  --help            show this help`;

function fail(message: string): never {
	console.error(`export: ${message}\nRun "npm run export -- --help" for the options.`);
	process.exit(1);
}

function packToExport(values: { topic?: string[]; ids?: string; pack?: string }): Pack {
	const bank = loadBank();
	if (values.pack) {
		const result = readPackFile(values.pack, bank);
		if (!result.ok)
			fail(
				`${values.pack} is not a valid pack:\n  ${result.errors.map((e) => e.detail).join('\n  ')}`
			);
		return result.pack;
	}
	if (!values.topic?.length && !values.ids) return bankPack(bank);
	const topics = values.topic ?? [];
	for (const t of topics)
		if (!bank.topics.some((x) => x.id === t))
			fail(`unknown topic "${t}" (topics: ${bank.topics.map((x) => x.id).join(', ')})`);
	const byId = new Map(bank.questions.map((q) => [q.id, q]));
	const ids = values.ids?.split(',').filter(Boolean) ?? [];
	const unknown = ids.filter((id) => !byId.has(id));
	if (unknown.length) fail(`unknown question id(s): ${unknown.join(', ')}`);
	const questions = ids.length
		? ids.map((id) => byId.get(id)!).filter((q) => !topics.length || topics.includes(q.topic))
		: bank.questions.filter((q) => topics.includes(q.topic));
	if (!questions.length) fail('no questions match those options');
	return buildPack(bankCatalog(bank), {
		id: topics.length === 1 && !ids.length ? topics[0]! : 'selection',
		title:
			topics.length === 1 && !ids.length
				? bank.topics.find((t) => t.id === topics[0])!.title
				: 'Sourced: selected questions',
		questions
	});
}

function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				format: { type: 'string' },
				topic: { type: 'string', multiple: true },
				ids: { type: 'string' },
				pack: { type: 'string' },
				'pass-mark': { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean' }
			}
		}));
	} catch (error) {
		fail((error as Error).message);
	}
	if (values.help) {
		console.log(HELP);
		return;
	}
	if (!values.format) fail('--format is required');
	if (!(formatIds as string[]).includes(values.format))
		fail(`unknown format "${values.format}" (formats: ${formatIds.join(', ')})`);
	if (!values.out) fail('--out is required');

	const exporter = exporters[values.format as FormatId];
	const options: ExportOptions = {};
	const passMark = values['pass-mark'];
	if (passMark !== undefined) {
		if (!exporter.takesPassMark)
			fail(`--pass-mark is for the scorm12 format, not ${values.format}`);
		if (!/^\d{1,3}(\.\d+)?$/.test(passMark) || Number(passMark) > 100)
			fail(`--pass-mark is a percentage from 0 to 100, not "${passMark}"`);
		options.passMark = Number(passMark);
	}

	let pack: Pack;
	try {
		pack = packToExport(values);
	} catch (error) {
		if (error instanceof ContentError) fail(error.message);
		throw error;
	}
	if (exporter.needsKit) {
		try {
			options.kit = packageKitOf(loadBank());
		} catch (error) {
			fail((error as Error).message);
		}
	}
	const { data, notes, summary = [] } = exporter.render(pack, options);
	writeFileSync(values.out, data);
	const mark = options.passMark === undefined ? '' : `, pass mark ${options.passMark}%`;
	console.log(
		`Wrote ${values.out}: ${pack.questions.length} questions as ${exporter.label}${mark}.`
	);
	for (const sentence of summary) console.log(`  ${sentence}`);
	for (const note of notes) console.log(`  ${describeNote(note)}`);
}

main();
