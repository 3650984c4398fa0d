import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { SourceText, type SourceTexts } from './anchor';
import { buildComparison, buildGlossaryTerm, buildQuestion, type Built } from './build';
import { ContentError, YamlFile, type ContentProblem } from './problems';
import {
	compareFileSchema,
	glossaryFileSchema,
	sourcesFileSchema,
	topicFileSchema,
	type Bank,
	type BuiltComparison,
	type BuiltGlossaryTerm,
	type LoadedSource,
	type Question,
	type Topic
} from './schema';

const SOURCES_FILE = 'sources/sources.yaml';
const GLOSSARY_FILE = 'glossary.yaml';
const COMPARE_FILE = 'compare.yaml';

/**
 * Reads and validates everything under `root` (normally `questions/`). Throws a ContentError that
 * lists every problem found, each with its file, line, question id and what is wrong.
 */
export function loadBank(root = 'questions'): Bank {
	const folder = new ContentFolder(root);
	const sources = loadSources(folder);
	const texts: SourceTexts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
	const { topics, questions } = loadTopics(folder, texts);
	const glossary = loadGlossary(folder, texts);
	const comparisons = loadComparisons(folder, texts);
	if (folder.problems.length) throw new ContentError(folder.problems);
	return { sources, topics, questions, glossary, comparisons };
}

/** The content folder being read, and every problem found in it so far. */
class ContentFolder {
	readonly root: string;
	readonly problems: ContentProblem[] = [];

	constructor(root: string) {
		this.root = root;
	}

	/** A file's name in messages: its path from the working directory, such as `questions/compare.yaml`. */
	display(file: string): string {
		return relative(process.cwd(), join(this.root, file)) || file;
	}

	read(file: string): YamlFile {
		return new YamlFile(this.display(file), readFileSync(join(this.root, file), 'utf8'));
	}

	/** A file's data if it is valid YAML that fits `schema`; otherwise undefined, its problems noted. */
	parse<S extends z.ZodType>(
		yaml: YamlFile,
		schema: S,
		questionIdAt?: (path: PropertyKey[]) => string | undefined
	): z.infer<S> | undefined {
		this.problems.push(...yaml.syntaxProblems);
		if (yaml.syntaxProblems.length) return undefined;
		const parsed = schema.safeParse(yaml.data);
		if (parsed.success) return parsed.data;
		this.problems.push(...yaml.problemsFrom(parsed.error, questionIdAt));
		return undefined;
	}

	/** A built value; or undefined, its problems noted at `path` in `yaml`. */
	place<T>(
		built: Built<T>,
		yaml: YamlFile,
		path: (string | number)[],
		questionId?: string
	): T | undefined {
		if (built.ok) return built.value;
		for (const p of built.problems)
			this.problems.push(yaml.problem([...path, ...p.path], p.message, questionId));
		return undefined;
	}
}

/** `sources/sources.yaml` and each source's text, checked against its recorded SHA-256. */
function loadSources(folder: ContentFolder): LoadedSource[] {
	const yaml = folder.read(SOURCES_FILE);
	const file = folder.parse(yaml, sourcesFileSchema);
	return (file?.sources ?? []).flatMap((source, i) => {
		let bytes: Buffer;
		try {
			bytes = readFileSync(join(folder.root, 'sources', source.file));
		} catch {
			const message = `file questions/sources/${source.file} is missing`;
			folder.problems.push(yaml.problem(['sources', i, 'file'], message));
			return [];
		}
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		if (sha256 !== source.sha256)
			folder.problems.push(
				yaml.problem(
					['sources', i, 'sha256'],
					`${source.file} has SHA-256 ${sha256}, not the recorded ${source.sha256}: source copies must stay byte-exact`
				)
			);
		return [{ ...source, text: bytes.toString('utf8') }];
	});
}

/** Every topic file: the topics in order, and their questions built. Ids must be unique across files. */
function loadTopics(
	folder: ContentFolder,
	texts: SourceTexts
): { topics: Topic[]; questions: Question[] } {
	const topics: Topic[] = [];
	const questions: Question[] = [];
	const firstSeen = new Map<string, { yaml: YamlFile; index: number }>();
	const files = readdirSync(folder.root)
		.filter((f) => f.endsWith('.yaml') && f !== GLOSSARY_FILE && f !== COMPARE_FILE)
		.sort();
	for (const file of files) {
		const yaml = folder.read(file);
		const parsed = folder.parse(yaml, topicFileSchema, questionIdIn(yaml.data));
		if (!parsed) continue;
		const { topic } = parsed;
		topics.push(topic);
		parsed.questions.forEach((q, i) => {
			const earlier = firstSeen.get(q.id);
			if (earlier) {
				// Line numbers only for the message: looking them up for every question would be quadratic.
				const at = `${earlier.yaml.file}:${earlier.yaml.lineOf(['questions', earlier.index, 'id'])}`;
				folder.problems.push(
					yaml.problem(['questions', i, 'id'], `id already used at ${at}`, q.id)
				);
			} else firstSeen.set(q.id, { yaml, index: i });
			const objectives = topic.objectives.map((o) => o.id);
			if (!objectives.includes(q.objective))
				folder.problems.push(
					yaml.problem(
						['questions', i, 'objective'],
						`objective "${q.objective}" is not one of topic ${topic.id}'s (${objectives.join(', ')})`,
						q.id
					)
				);
			const built = folder.place(buildQuestion(q, topic.id, texts), yaml, ['questions', i], q.id);
			if (built) questions.push(built);
		});
	}
	checkUnique(folder, topics);
	return { topics: topics.sort((a, b) => a.order - b.order), questions };
}

/** The id of the question a path in a topic file falls in, read from the raw data. */
function questionIdIn(data: unknown): (path: PropertyKey[]) => string | undefined {
	const raw = data as { questions?: { id?: unknown }[] } | undefined;
	return (path) => {
		const id = path[0] === 'questions' ? raw?.questions?.[path[1] as number]?.id : undefined;
		return typeof id === 'string' ? id : undefined;
	};
}

function checkUnique(folder: ContentFolder, topics: Topic[]): void {
	for (const [field, label] of [
		['id', 'topic id'],
		['order', 'topic order']
	] as const) {
		const values = topics.map((t) => t[field]);
		const twice = values.filter((v, i) => values.indexOf(v) !== i);
		if (twice.length)
			folder.problems.push({
				file: folder.display('.'),
				path: [],
				message: `${label} used twice: ${twice.join(', ')}`
			});
	}
}

/** `glossary.yaml`, every term's citations anchored, in alphabetical order. */
function loadGlossary(folder: ContentFolder, texts: SourceTexts): BuiltGlossaryTerm[] {
	const yaml = folder.read(GLOSSARY_FILE);
	const terms = folder.parse(yaml, glossaryFileSchema)?.terms ?? [];
	return terms
		.flatMap((term, i) => folder.place(buildGlossaryTerm(term, texts), yaml, ['terms', i]) ?? [])
		.sort((a, b) => a.term.localeCompare(b.term, 'en'));
}

/** `compare.yaml`, every account's quotes anchored, in the order of their ids. */
function loadComparisons(folder: ContentFolder, texts: SourceTexts): BuiltComparison[] {
	const yaml = folder.read(COMPARE_FILE);
	const rows = folder.parse(yaml, compareFileSchema)?.discrepancies ?? [];
	return rows
		.flatMap(
			(row, i) => folder.place(buildComparison(row, texts), yaml, ['discrepancies', i]) ?? []
		)
		.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

/** A cheap fingerprint of every file under `root`, so a dev server notices edited content. */
export function contentFingerprint(root = 'questions'): string {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory()
				? walk(join(dir, e.name))
				: [`${e.name}:${statSync(join(dir, e.name)).mtimeMs}`]
		);
	return walk(root).join('|');
}
