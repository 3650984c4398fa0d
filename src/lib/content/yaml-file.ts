import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './problems';

/**
 * A parsed YAML file that can say on which line any path of it starts. It is read with js-yaml
 * because the 10,000-question budget (2 s) needs it: on those 24 MB of YAML js-yaml parses in about
 * 0.7 s of CPU, `yaml` in about 10 s. The position-keeping document from `yaml` is built only when a
 * problem needs a line number.
 */
export class YamlFile {
	readonly file: string;
	readonly data: unknown;
	readonly syntaxProblems: ContentProblem[];
	readonly #source: string;
	#located: { doc: Document; lines: LineCounter } | undefined;

	constructor(file: string, source: string) {
		this.file = file;
		this.#source = source;
		let data: unknown;
		let problems: ContentProblem[] = [];
		try {
			// The YAML 1.2 core schema, as the `yaml` package reads it: no dates, no YAML 1.1 booleans.
			data = load(source, { filename: file, schema: CORE_SCHEMA });
		} catch (error) {
			if (!(error instanceof YAMLException)) throw error;
			problems = [{ file, line: error.mark.line + 1, path: [], message: `YAML: ${error.reason}` }];
		}
		this.syntaxProblems = problems;
		this.data = problems.length ? undefined : data;
	}

	/** The strict, position-keeping reading of the file, made the first time it is needed. */
	#strict(): { doc: Document; lines: LineCounter } {
		const lines = new LineCounter();
		this.#located ??= {
			doc: parseDocument(this.#source, { lineCounter: lines, prettyErrors: false }),
			lines
		};
		return this.#located;
	}

	/** Line of the deepest node on `path` that exists in the file. */
	lineOf(path: readonly PropertyKey[]): number | undefined {
		const { doc, lines: counter } = this.#strict();
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as unknown[], true);
			if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
		}
		return undefined;
	}

	/**
	 * Turns zod issues into located problems; `questionIdAt` names the question a path falls in. If the
	 * strict YAML reading finds syntax errors (which the lenient fast parser let through), those are the
	 * real cause and are reported instead.
	 */
	problemsFrom(
		error: z.ZodError,
		questionIdAt: (path: PropertyKey[]) => string | undefined = () => undefined
	): ContentProblem[] {
		const { doc, lines } = this.#strict();
		if (doc.errors.length)
			return doc.errors.map((e) => ({
				file: this.file,
				line: lines.linePos(e.pos[0]).line,
				path: [],
				message: `YAML: ${e.message.split('\n')[0]}`
			}));
		return error.issues.map((issue) => ({
			file: this.file,
			line: this.lineOf(issue.path),
			path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
			questionId: questionIdAt(issue.path),
			message: issue.message
		}));
	}

	/** A problem at `path` in this file, with the line it starts on. */
	problem(path: (string | number)[], message: string, questionId?: string): ContentProblem {
		return { file: this.file, line: this.lineOf(path), path, questionId, message };
	}
}
