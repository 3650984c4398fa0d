import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSchema } from '../../src/lib/content/schema';
import { strFromU8, unzipSync } from 'fflate';
import { formatIds } from '../../src/lib/export';
import { SCORM_PLAYER_DIR } from '../../src/lib/server/package-kit';

const tsx = 'node_modules/.bin/tsx';
const run = (script: string, args: string[]) => {
	try {
		return {
			code: 0,
			out: execFileSync(tsx, [script, ...args], { encoding: 'utf8', stdio: 'pipe' })
		};
	} catch (error) {
		const e = error as { status: number; stdout: string; stderr: string };
		return { code: e.status, out: e.stdout + e.stderr };
	}
};
const dir = mkdtempSync(join(tmpdir(), 'sourced-cli-'));

describe('npm run export', () => {
	it('lists every format and option in --help', () => {
		const { code, out } = run('scripts/export.ts', ['--help']);
		expect(code).toBe(0);
		for (const id of formatIds) expect(out).toContain(id);
		for (const option of ['--format', '--topic', '--ids', '--pack', '--pass-mark', '--out'])
			expect(out).toContain(option);
	});

	it('exports a SCORM package with a pass mark, and refuses a pass mark out of range or for another format', () => {
		const out = join(dir, 'week.scorm12.zip');
		const args = ['--format', 'scorm12', '--ids', 'comp-01,wash-03', '--out', out];
		const bad = run('scripts/export.ts', [...args, '--pass-mark', '120']);
		expect(bad.code).toBe(1);
		expect(bad.out).toContain('--pass-mark is a percentage from 0 to 100, not "120"');
		const other = run('scripts/export.ts', ['--format', 'gift', '--pass-mark', '50', '--out', out]);
		expect(other.code).toBe(1);
		expect(other.out).toContain('--pass-mark is for the scorm12 format, not gift');

		const result = run('scripts/export.ts', [...args, '--pass-mark', '75']);
		if (!existsSync(join(SCORM_PLAYER_DIR, 'player.js'))) {
			// Without a build there is no player to put in the package, and the CLI says how to make one.
			expect(result.out).toContain('npm run build:player');
			return;
		}
		expect(result.code).toBe(0);
		expect(result.out).toContain('2 questions as SCORM 1.2 package, pass mark 75%');
		const files = unzipSync(readFileSync(out));
		expect(strFromU8(files['imsmanifest.xml']!)).toContain(
			'<adlcp:masteryscore>75</adlcp:masteryscore>'
		);
		expect(strFromU8(files['index.html']!)).toContain('data-pass-mark="75"');
	}, 120_000);

	it('exports two topics as a pack file that validates', () => {
		const out = join(dir, 'two.json');
		const result = run('scripts/export.ts', [
			'--format',
			'json',
			'--topic',
			'compensation',
			'--topic',
			'art-washing',
			'--out',
			out
		]);
		expect(result.code).toBe(0);
		const pack = packSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
		expect(new Set(pack.questions.map((q) => q.topic))).toEqual(
			new Set(['compensation', 'art-washing'])
		);
		expect(run('scripts/validate.ts', [out]).out).toContain(
			`a valid pack of ${pack.questions.length} questions`
		);
	});

	it('exports chosen ids in their order, and reports what a format leaves out', () => {
		const out = join(dir, 'ids.aiken.txt');
		const result = run('scripts/export.ts', [
			'--format',
			'aiken',
			'--ids',
			'time-01,comp-01',
			'--out',
			out
		]);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/time-01: left out: /);
	});

	it('refuses an unknown format or topic with a clear message and a non-zero exit', () => {
		expect(run('scripts/export.ts', ['--format', 'docx', '--out', join(dir, 'x')])).toMatchObject({
			code: 1,
			out: expect.stringContaining('unknown format "docx"')
		});
		expect(
			run('scripts/export.ts', ['--format', 'json', '--topic', 'nope', '--out', join(dir, 'x')]).out
		).toContain('unknown topic "nope"');
	});
});

describe('npm run validate', () => {
	it('prints each problem of a bad pack with its JSON path and exits non-zero', () => {
		const bad = join(dir, 'bad.json');
		writeFileSync(bad, JSON.stringify({ schemaVersion: 2, id: 'x', title: '', questions: [] }));
		const result = run('scripts/validate.ts', [bad]);
		expect(result.code).toBe(1);
		expect(result.out).toContain('$.schemaVersion');
		expect(result.out).toContain('$.title');
	});

	it("anchors a pack file's quotations in the bank's sources, as the builder does", () => {
		const pack = JSON.parse(
			run('scripts/export.ts', [
				'--format',
				'json',
				'--ids',
				'comp-01,comp-02',
				'--out',
				join(dir, 'two-ids.json')
			]).code === 0
				? readFileSync(join(dir, 'two-ids.json'), 'utf8')
				: '{}'
		);
		pack.questions[1].citations[0].exact = 'A quotation that no outlet ever printed.';
		const faked = join(dir, 'faked.json');
		writeFileSync(faked, JSON.stringify(pack));
		const result = run('scripts/validate.ts', [faked]);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(
			/\$\.questions\[1\]\.citations\[0\]\.exact: citation 1 \(source [a-z0-9-]+\): quote not found/
		);
	});

	it('refuses a pack file over 5 MB by its size, without reading it into memory', () => {
		const huge = join(dir, 'huge.json');
		// A sparse file: 600 MB on paper, nothing on disk; reading it whole would take 1.2 GB.
		writeFileSync(huge, '');
		truncateSync(huge, 600 * 1024 * 1024);
		const result = run('scripts/validate.ts', [huge]);
		expect(result.code).toBe(1);
		expect(result.out).toContain('the file is 600.0 MB; a pack can be at most 5 MB');
	});

	it('accepts the questions folder and summarises it', () => {
		const result = run('scripts/validate.ts', ['questions']);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/\d+ questions, \d+ glossary terms, 5 sources/);
	});
});
