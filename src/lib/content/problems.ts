// Problems and how they are printed: no YAML parser here, so browser code (the pack importer) can
// format paths without downloading one.

/** One thing wrong at a path inside a value, before the value is placed in a file. */
export interface Problem {
	path: (string | number)[];
	message: string;
}

/** One thing wrong with the content, located precisely enough to fix without searching. */
export interface ContentProblem extends Problem {
	file: string;
	line?: number;
	questionId?: string;
}

/** Formats a problem as `file:line: q id: path: message`, the way the build and the CLI print it. */
export function formatProblem(p: ContentProblem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	const who = p.questionId ? ` q ${p.questionId}:` : '';
	const path = p.path.length ? ` ${formatPath(p.path)}:` : '';
	return `${where}:${who}${path} ${p.message}`;
}

/** `questions[3].citations[0].exact` */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
		.join('');
}

/** What loading content throws: every problem found, one per line of its message. */
export class ContentError extends Error {
	readonly problems: ContentProblem[];
	constructor(problems: ContentProblem[]) {
		super(
			`Content check found ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
				problems.map((p) => `  ${formatProblem(p)}`).join('\n')
		);
		this.name = 'ContentError';
		this.problems = problems;
	}
}
