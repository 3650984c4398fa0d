/** Progress goes to stderr, so stdout carries only the table. */
export function progress(line: string): void {
	process.stderr.write(`bench: ${line}\n`);
}
