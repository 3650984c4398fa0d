import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopOnExit } from './cleanup';
import { reasonOf, type Figure } from './figures';

type Outcome = { figures: Figure[] } | { error: string };

/**
 * Runs a figure's script in a fresh Node process (so its timings and memory are its own, not
 * shared with Lighthouse or the browser driver) and returns the figures it measured. `args` go to
 * the script before `--out`.
 */
export async function measureInChild(
	script: string,
	args: readonly string[] = []
): Promise<Figure[]> {
	const dir = mkdtempSync(join(tmpdir(), 'sourced-bench-'));
	const out = join(dir, 'figures.json');
	try {
		const code = await new Promise<number | null>((done, fail) => {
			const child = spawn(process.execPath, ['--import', 'tsx', script, ...args, '--out', out], {
				stdio: ['ignore', 'inherit', 'inherit']
			});
			const forget = stopOnExit(() => {
				child.kill('SIGKILL');
				rmSync(dir, { recursive: true, force: true });
			});
			child.once('error', fail);
			child.once('exit', (code) => {
				forget();
				done(code);
			});
		});
		let outcome: Outcome;
		try {
			outcome = JSON.parse(readFileSync(out, 'utf8')) as Outcome;
		} catch {
			throw new Error(`${script} exited with code ${code} without writing its figures`);
		}
		if ('error' in outcome) throw new Error(outcome.error);
		return outcome.figures;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** When `moduleUrl` is the script Node was started with: measure, and write the figures to --out. */
export async function runAsChild(moduleUrl: string, measure: () => Figure[] | Promise<Figure[]>) {
	const entry = process.argv[1];
	if (!entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
	const at = process.argv.indexOf('--out');
	const out = at > 0 ? process.argv[at + 1] : undefined;
	if (!out) throw new Error('usage: node --import tsx <script> --out <file.json>');
	let outcome: Outcome;
	try {
		outcome = { figures: await measure() };
	} catch (error) {
		outcome = { error: reasonOf(error) };
	}
	writeFileSync(out, JSON.stringify(outcome));
	if ('error' in outcome) process.exitCode = 1;
}

/** Where a figure's script may write scratch files: beside its --out file, which the parent removes. */
export function scratchDir(): string {
	const at = process.argv.indexOf('--out');
	const out = at > 0 ? process.argv[at + 1] : undefined;
	return out ? dirname(out) : tmpdir();
}
