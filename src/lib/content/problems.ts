import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with the content, located precisely enough to fix without searching. */
export interface ContentProblem {
	file: string;
	line?: number;
	path: (string | number)[];
	questionId?: string;
	message: string;
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

/** A parsed YAML file that can say on which line any path of it starts. */
export class YamlFile {
	readonly file: string;
	readonly data: unknown;
	readonly syntaxProblems: ContentProblem[];
	readonly #doc: Document;
	readonly #lines: LineCounter;

	constructor(file: string, source: string) {
		this.file = file;
		this.#lines = new LineCounter();
		this.#doc = parseDocument(source, { lineCounter: this.#lines, prettyErrors: false });
		this.syntaxProblems = this.#doc.errors.map((e) => ({
			file,
			line: this.#lines.linePos(e.pos[0]).line,
			path: [],
			message: `YAML: ${e.message.split('\n')[0]}`
		}));
		this.data = this.syntaxProblems.length ? undefined : this.#doc.toJS();
	}

	/** Line of the deepest node on `path` that exists in the file. */
	lineOf(path: readonly PropertyKey[]): number | undefined {
		for (let n = path.length; n >= 0; n--) {
			const node = this.#doc.getIn(path.slice(0, n) as unknown[], true);
			if (isNode(node) && node.range) return this.#lines.linePos(node.range[0]).line;
		}
		return undefined;
	}

	/** Turns zod issues into located problems; `questionIdAt` names the question a path falls in. */
	problemsFrom(
		error: z.ZodError,
		questionIdAt: (path: PropertyKey[]) => string | undefined = () => undefined
	): ContentProblem[] {
		return error.issues.map((issue) => ({
			file: this.file,
			line: this.lineOf(issue.path),
			path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
			questionId: questionIdAt(issue.path),
			message: issue.message
		}));
	}

	problem(path: (string | number)[], message: string, questionId?: string): ContentProblem {
		return { file: this.file, line: this.lineOf(path), path, questionId, message };
	}
}
