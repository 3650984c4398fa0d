import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { stopOnExit } from './cleanup';
import { figure, type Figure } from './figures';

/** Runs a command, resolving with its combined output; rejects with the output's tail on failure. */
function run(command: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		const forget = stopOnExit(() => child.kill('SIGTERM'));
		child.once('error', reject);
		child.once('exit', (code) => {
			forget();
			if (code === 0) resolve(output);
			else {
				const tail = output.trim().split('\n').slice(-30).join('\n');
				reject(new Error(`${command} ${args.join(' ')} exited with code ${code}:\n${tail}`));
			}
		});
	});
}

/** The build's version stamp (SvelteKit writes one per build), to notice another build replacing it. */
export function buildVersion(): string | undefined {
	const stamps = ['build/_app/version.json', '.svelte-kit/output/client/_app/version.json'];
	if (!stamps.every((f) => existsSync(f))) return undefined;
	return stamps.map((f) => readFileSync(f, 'utf8').trim()).join(' ');
}

/** Figure 5b: runs the real production build (`npm run build`: vite build and its steps) and times it. */
export async function buildSite(): Promise<Figure> {
	const start = performance.now();
	await run('npm', ['run', 'build']);
	const seconds = (performance.now() - start) / 1000;
	return figure('build: npm run build', seconds, 's', null, {
		note: 'wall time: vite build with prerendering and the pack files, plus npm'
	});
}
