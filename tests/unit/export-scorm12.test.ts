import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { loadBank } from '../../src/lib/content/load';
import { bankCatalog, buildPack } from '../../src/lib/content/pack';
import type { Pack } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import { writePackJson } from '../../src/lib/export/scorm12';
import type { PackageKit } from '../../src/lib/export/types';
import { readPlayerFiles, SCORM_PLAYER_DIR } from '../../src/lib/server/package-kit';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import { descendants, parseXml, unzipTextFiles } from '../helpers/xml-tree';

// The package is read back with fflate and fast-xml-parser, and its manifest validated against the
// ADL SCORM 1.2 XSDs with xmllint-wasm (libxml2). The player is the one `npm run build` made, if any;
// it is tried in Chromium against scorm-again by tests/e2e/scorm.test.ts.

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const schemaDir = resolve(projectRoot, process.env.SCORM_SCHEMA_DIR ?? '../shared/schemas/scorm12');
const hasSchemas = existsSync(join(schemaDir, 'adlcp_rootv1p2.xsd'));

const bank = loadBank();
/** The player `npm run build` made, if there is one; else a stand-in (the sizes below then say less). */
const builtPlayer = existsSync(join(projectRoot, SCORM_PLAYER_DIR, 'player.js'));
const kit: PackageKit = {
	player: builtPlayer
		? readPlayerFiles(projectRoot)
		: { js: 'console.log("player")', css: 'body{margin:0}' },
	sourceTexts: Object.fromEntries(bank.sources.map((s) => [s.id, s.text]))
};

function readPackage(pack: Pack, passMark?: number) {
	const { file, notes } = exportPack(pack, pack.id, 'scorm12', { kit, passMark });
	expect(file.name).toBe(`${pack.id}.scorm12.zip`);
	expect(file.mime).toBe('application/zip');
	const files = unzipTextFiles(file.data as Uint8Array);
	return {
		files,
		notes,
		manifest: parseXml(files.get('imsmanifest.xml')!),
		size: file.data.length
	};
}

/** Twelve questions of the bank, every kind among them, as an instructor might pick for a week. */
function twelveQuestionPack(): Pack {
	const kinds = ['single', 'multiple', 'true-false', 'ordering', 'matching', 'essay'] as const;
	const picked = kinds.flatMap((k) => bank.questions.filter((q) => q.kind === k).slice(0, 2));
	return buildPack(bankCatalog(bank), { id: 'week-3', title: 'Week 3', questions: picked });
}

/**
 * The manifest's schemas: ADL's adlcp_rootv1p2.xsd, which imports IMS CP 1.1.2 (imscp_rootv1p1p2.xsd).
 * The IMS metadata schema (imsmd_rootv1p2p1.xsd, which scorm12.xsd also imports) does not compile in
 * the libxml2 of xmllint-wasm ("content model is not determinist"); the manifest carries no metadata
 * record for it to check.
 */
async function validateManifest(xml: string) {
	const schemas: XMLFileInfo[] = ['adlcp_rootv1p2.xsd', 'imscp_rootv1p1p2.xsd', 'ims_xml.xsd'].map(
		(fileName) => ({ fileName, contents: readFileSync(join(schemaDir, fileName), 'utf8') })
	);
	return validateXML({
		xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
		schema: [schemas[0]!],
		preload: schemas.slice(1),
		maxMemoryPages: memoryPages.GiB
	});
}

describe('SCORM 1.2 package', () => {
	it('launches one SCO, index.html, and lists every file of the zip in its resource', () => {
		const { files, manifest } = readPackage(twelveQuestionPack(), 70);
		const [resource] = descendants(manifest, 'resource');
		expect(resource!.attributes).toMatchObject({
			type: 'webcontent',
			'adlcp:scormtype': 'sco',
			href: 'index.html'
		});
		const listed = descendants(resource!, 'file').map((f) => f.attributes.href);
		expect(new Set(listed)).toEqual(
			new Set([...files.keys()].filter((f) => f !== 'imsmanifest.xml'))
		);
		expect(descendants(manifest, 'adlcp:masteryscore').map((m) => m.text)).toEqual(['70']);
		expect(descendants(manifest, 'schemaversion').map((m) => m.text)).toEqual(['1.2']);
		expect(JSON.parse(files.get('pack.json')!)).toEqual(twelveQuestionPack());
	});

	it('carries the pack as JSON.stringify writes it, though written a question at a time', () => {
		const pack = realBankPack();
		expect(readPackage(pack).files.get('pack.json')).toBe(JSON.stringify(pack));
		const pieces: string[] = [];
		writePackJson(pack, (piece) => pieces.push(piece));
		expect(pieces.length).toBeGreaterThan(pack.questions.length);
		// A key without a value is left out, as JSON.stringify leaves it out.
		const sparse = { ...twelveQuestionPack(), description: undefined } as unknown as Pack;
		let text = '';
		writePackJson(sparse, (piece) => (text += piece));
		expect(text).toBe(JSON.stringify(sparse));
	});

	it('carries no pass mark unless given one, and refuses one outside 0–100', () => {
		const { manifest, files } = readPackage(twelveQuestionPack());
		expect(descendants(manifest, 'adlcp:masteryscore')).toEqual([]);
		expect(files.get('index.html')).not.toContain('data-pass-mark');
		expect(readPackage(twelveQuestionPack(), 55).files.get('index.html')).toContain(
			'data-pass-mark="55"'
		);
		expect(() => readPackage(twelveQuestionPack(), 101)).toThrow(/0 to 100/);
		expect(() => exportPack(twelveQuestionPack(), 'w', 'scorm12')).toThrow(/player/);
	});

	it('loads everything from relative paths inside the package, under a strict policy', () => {
		const { files } = readPackage(twelveQuestionPack());
		const index = files.get('index.html')!;
		expect(index).toContain('<script src="player.js" defer></script>');
		expect(index).toContain('<link rel="stylesheet" href="player.css">');
		expect(index).toMatch(
			/Content-Security-Policy" content="default-src 'self'; script-src 'self';/
		);
		for (const [path, text] of files) {
			if (!path.endsWith('.html')) continue;
			// Every src and stylesheet is a file of the package, reached by a relative path.
			for (const [, url] of text.matchAll(/(?:src|href)="([^"#]*)[^"]*"/g)) {
				if (/^https:/.test(url!)) {
					// The one outside link: a source's original address, opened only if the reader clicks it.
					expect(path.startsWith('sources/')).toBe(true);
					expect(text).toContain(`href="${url}" rel="noopener noreferrer external"`);
					continue;
				}
				const base = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
				const target = new URL(url!, `https://package.test/${base}`).pathname.slice(1);
				expect(files.has(target), `${path} → ${url}`).toBe(true);
			}
			expect(text).not.toMatch(/(?:src|href)="\//);
		}
	});

	it('keeps markup in a pack as text in every page it writes', () => {
		const { files } = readPackage(specialCharactersPack());
		const pages = [...files].filter(([path]) => path.endsWith('.html') || path.endsWith('.xml'));
		expect(pages.length).toBeGreaterThan(2);
		for (const [path, text] of pages)
			for (const payload of ['<script>window', '<img src=x', '<svg onload', '<b onmouseover'])
				expect(text, path).not.toContain(payload);
		expect(files.get('index.html')).toContain('<title>Pack title ~ = # { } : &lt; &gt; &amp;');
	});

	it('notes each written argument: fill-in, neutral, out of the score', () => {
		const { notes } = readPackage(twelveQuestionPack());
		expect(notes.map((n) => n.questionId)).toEqual(
			twelveQuestionPack()
				.questions.filter((q) => q.kind === 'essay')
				.map((q) => q.id)
		);
		expect(notes[0]!.note).toMatch(/fill-in .* "neutral", kept out of the score/);
	});

	it(`is small: the whole bank ≤ 400 kB, a twelve-question pack ≤ 200 kB (${builtPlayer ? 'built' : 'stand-in'} player)`, () => {
		expect(readPackage(realBankPack()).size).toBeLessThan(400_000);
		expect(readPackage(twelveQuestionPack()).size).toBeLessThan(200_000);
	});
});

describe('SCORM 1.2 manifest against the ADL XSDs', () => {
	it.runIf(hasSchemas)(
		'validates, with and without a mastery score, for the real bank and for a pack of special characters',
		async () => {
			for (const [pack, mark] of [
				[realBankPack(), undefined],
				[twelveQuestionPack(), 80],
				[specialCharactersPack(), 0]
			] as const) {
				const result = await validateManifest(
					readPackage(pack, mark).files.get('imsmanifest.xml')!
				);
				expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
				expect(result.valid).toBe(true);
			}
		},
		120_000
	);

	it.runIf(hasSchemas)(
		'rejects a manifest the SCORM schema forbids (so the check above can fail)',
		async () => {
			const xml = readPackage(twelveQuestionPack()).files.get('imsmanifest.xml')!;
			const broken = xml.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
			const result = await validateManifest(broken);
			expect(result.valid).toBe(false);
			expect(result.errors.map((e) => e.message).join('\n')).toContain('lesson');
		}
	);

	it.runIf(!hasSchemas)(
		`SKIPPED XSD validation: the SCORM 1.2 schemas are not at ${schemaDir} (set SCORM_SCHEMA_DIR); every other check ran`,
		() => {
			expect(existsSync(join(schemaDir, 'adlcp_rootv1p2.xsd'))).toBe(false);
		}
	);
});
