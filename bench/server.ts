import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { stopOnExit } from './cleanup';

/** A port nobody is listening on right now (the server then claims it with --strictPort). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

export interface PreviewServer {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

/** Sends SIGTERM to one process by its PID, then SIGKILL if it has not exited after 5 s. */
function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
	const pid = child.pid;
	return new Promise((resolve) => {
		const force = setTimeout(() => {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}, 5000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		try {
			process.kill(pid, 'SIGTERM');
		} catch {
			clearTimeout(force);
			resolve();
		}
	});
}

/**
 * Serves the last build with `vite preview` (the real binary, so the PID is the server's) on a
 * free port, and resolves once it answers. `stop()` ends that one process; so does this process
 * exiting or being interrupted.
 */
export async function startPreview(): Promise<PreviewServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(
		'node_modules/.bin/vite',
		['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const spawnFailed = new Promise<never>((_, reject) =>
		child.once('error', (e) => reject(new Error(`vite preview could not start: ${e.message}`)))
	);
	spawnFailed.catch(() => undefined);

	const forget = stopOnExit(() => {
		if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
	});
	const stop = async () => {
		forget();
		await stopProcess(child);
	};

	const deadline = Date.now() + 30_000;
	try {
		for (;;) {
			if (child.exitCode !== null)
				throw new Error(`vite preview exited with code ${child.exitCode}:\n${output.trim()}`);
			if (Date.now() > deadline)
				throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output.trim()}`);
			const ok = await Promise.race([
				spawnFailed,
				fetch(url).then(
					(r) => r.ok,
					() => false
				)
			]);
			if (ok) break;
			await new Promise((r) => setTimeout(r, 200));
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, pid: child.pid!, stop };
}
