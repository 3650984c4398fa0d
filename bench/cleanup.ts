const stops = new Set<() => void>();
let installed = false;

function stopAll(): void {
	for (const stop of stops) {
		try {
			stop();
		} catch {
			// Already gone.
		}
	}
	stops.clear();
}

/**
 * Registers a synchronous stop for a process the bench started (the preview server, a Chromium),
 * run if the bench exits or is interrupted first. Returns the function that unregisters it.
 */
export function stopOnExit(stop: () => void): () => void {
	if (!installed) {
		installed = true;
		process.on('exit', stopAll);
		for (const [signal, code] of [
			['SIGINT', 130],
			['SIGTERM', 143]
		] as const)
			process.on(signal, () => {
				stopAll();
				process.exit(code);
			});
	}
	stops.add(stop);
	return () => stops.delete(stop);
}
