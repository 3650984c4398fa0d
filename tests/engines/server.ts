// Serves the built site for the cross-engine journeys, as the Playwright suite does: `vite preview`
// of build/ on its own port (ENGINES_PORT, default 4180).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

export default async function serve(project: TestProject) {
	if (!existsSync('build/index.html'))
		throw new Error('No build/ to test: run "npm run build" first (npm run test:e2e does).');
	const port = Number(process.env.ENGINES_PORT ?? 4180);
	const baseUrl = `http://127.0.0.1:${port}`;
	const server = spawn(
		'node_modules/.bin/vite',
		['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ stdio: 'ignore' }
	);
	const end = Date.now() + 60_000;
	while (
		!(await fetch(baseUrl).then(
			(r) => r.ok,
			() => false
		))
	) {
		if (Date.now() > end || server.exitCode !== null)
			throw new Error(`The preview server did not start on port ${port}.`);
		await new Promise((r) => setTimeout(r, 200));
	}
	project.provide('baseUrl', baseUrl);
	return () => {
		server.kill();
	};
}
