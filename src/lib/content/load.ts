import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { SourceText, type SourceTexts } from './anchor';
import {
	buildComparison,
	buildGlossaryTerm,
	buildQuestion,
	buildTopic,
	objectiveProblem,
	type Built
} from './build';
import { ContentError, type ContentProblem } from './problems';
import {
	compareFileSchema,
	glossaryFileSchema,
	moduleSchema,
	sourcesFileSchema,
	topicFileSchema,
	type AuthoredQuestion,
	type Bank,
	type BuiltComparison,
	type BuiltGlossaryTerm,
	type BuiltModule,
	type BuiltTopic,
	type LoadedSource,
	type Question,
	type Topic
} from './schema';
import { reservedIdProblem } from './vocabulary';
import { YamlFile } from './yaml-file';

const MODULE_FILE = 'module.yaml';
const SOURCES_FILE = 'sources/sources.yaml';
const GLOSSARY_FILE = 'glossary.yaml';
const COMPARE_FILE = 'compare.yaml';

/**
 * Reads and validates everything under `root` (normally `questions/`). Throws a ContentError that
 * lists every problem found, each with its file, line, question id and what is wrong.
 */
export function loadBank(root = 'questions'): Bank {
	const folder = new ContentFolder(root);
	const loaded = loadModule(folder);
	const sources = loadSources(folder);
	const texts: SourceTexts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
	const { topics, questions } = loaded
		? loadTopics(folder, loaded.topics, texts)
		: { topics: [], questions: [] };
	const glossary = loadGlossary(folder, texts);
	const comparisons = loadComparisons(folder, texts);
	if (folder.problems.length || !loaded) throw new ContentError(folder.problems);
	return { module: loaded.module, sources, topics, questions, glossary, comparisons };
}

/** The content folder being read, and every problem found in it so far. */
class ContentFolder {
	readonly root: string;
	readonly problems: ContentProblem[] = [];

	constructor(root: string) {
		this.root = root;
	}

	/** A file's name in messages: its path from the working directory (`questions/compare.yaml`). */
	display(file: string): string {
		return relative(process.cwd(), join(this.root, file)) || file;
	}

	/**
	 * A YAML file of the folder and its data, if the file exists, is valid YAML and fits `schema`;
	 * otherwise undefined, with its problems noted.
	 */
	parse<S extends z.ZodType>(
		file: string,
		schema: S,
		questionIdAt?: (data: unknown, path: PropertyKey[]) => string | undefined
	): { yaml: YamlFile; data: z.infer<S> } | undefined {
		const path = join(this.root, file);
		if (!existsSync(path)) {
			this.problems.push({ file: this.display(file), path: [], message: 'file is missing' });
			return undefined;
		}
		const yaml = new YamlFile(this.display(file), readFileSync(path, 'utf8'));
		this.problems.push(...yaml.syntaxProblems);
		if (yaml.syntaxProblems.length) return undefined;
		const parsed = schema.safeParse(yaml.data);
		if (parsed.success) return { yaml, data: parsed.data };
		const idAt = questionIdAt && ((at: PropertyKey[]) => questionIdAt(yaml.data, at));
		this.problems.push(...yaml.problemsFrom(parsed.error, idAt));
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

/** The topic files `module.yaml` lists, and the file itself, to point at a listing. */
interface TopicListing {
	files: string[];
	yaml: YamlFile;
}

/** `module.yaml`: the module as the site shows it, and its list of topic files. */
function loadModule(
	folder: ContentFolder
): { module: BuiltModule; topics: TopicListing } | undefined {
	const parsed = folder.parse(MODULE_FILE, moduleSchema);
	if (!parsed) return undefined;
	const { yaml, data } = parsed;
	const { topics, ...copy } = data;
	const heading = copy.title.replace(/^./u, (first) => first.toUpperCase());
	return { module: { ...copy, heading }, topics: { files: topics, yaml } };
}

/** `sources/sources.yaml` and each source's text, checked against its recorded SHA-256. */
function loadSources(folder: ContentFolder): LoadedSource[] {
	const parsed = folder.parse(SOURCES_FILE, sourcesFileSchema);
	if (!parsed) return [];
	const { yaml, data } = parsed;
	return data.sources.flatMap((source, i) => {
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

/**
 * The topic files `module.yaml` lists: the topics in order, and their questions built. Ids must be
 * unique across files, and every topic file in the folder must be listed.
 */
function loadTopics(
	folder: ContentFolder,
	listing: TopicListing,
	texts: SourceTexts
): { topics: BuiltTopic[]; questions: Question[] } {
	checkListing(folder, listing);
	const topics: BuiltTopic[] = [];
	const questions: Question[] = [];
	const firstSeen = new Map<string, { yaml: YamlFile; index: number }>();
	// Files are read in name order, not listed order: the bank's question order seeds the shuffles
	// that shared quiz links reproduce.
	for (const file of listing.files.filter((f) => existsSync(join(folder.root, f))).sort()) {
		const parsed = folder.parse(file, topicFileSchema, questionIdAt);
		if (!parsed) continue;
		const { yaml, data } = parsed;
		const topic = folder.place(buildTopic(data.topic, texts), yaml, ['topic']);
		if (topic) topics.push(topic);
		data.questions.forEach((q, i) => {
			checkQuestion(folder, { yaml, index: i }, q, data.topic, firstSeen);
			const built = buildQuestion(q, data.topic.id, texts);
			const question = folder.place(built, yaml, ['questions', i], q.id);
			if (question) questions.push(question);
		});
	}
	checkUnique(folder, topics);
	return { topics: topics.sort((a, b) => a.order - b.order), questions };
}

/** A question's id is not used earlier in the bank, and its objective is one of its topic's. */
function checkQuestion(
	folder: ContentFolder,
	at: { yaml: YamlFile; index: number },
	q: AuthoredQuestion,
	topic: Topic,
	firstSeen: Map<string, { yaml: YamlFile; index: number }>
): void {
	const { yaml, index } = at;
	const reserved = reservedIdProblem(q.id);
	if (reserved) folder.problems.push(yaml.problem(['questions', index, 'id'], reserved, q.id));
	const earlier = firstSeen.get(q.id);
	if (earlier) {
		// Line numbers only for the message: looking them up for every question would be quadratic.
		const line = earlier.yaml.lineOf(['questions', earlier.index, 'id']);
		const message = `id already used at ${earlier.yaml.file}:${line}`;
		folder.problems.push(yaml.problem(['questions', index, 'id'], message, q.id));
	} else firstSeen.set(q.id, at);
	const objective = objectiveProblem(q.objective, topic);
	if (objective)
		folder.problems.push(yaml.problem(['questions', index, 'objective'], objective, q.id));
}

/** Every listed topic file exists, and every topic file in the folder is listed. */
function checkListing(folder: ContentFolder, { files, yaml }: TopicListing): void {
	files.forEach((file, i) => {
		if (!existsSync(join(folder.root, file)))
			folder.problems.push(
				yaml.problem(['topics', i], `topic file ${folder.display(file)} is missing`)
			);
	});
	const listed = new Set([...files, MODULE_FILE, GLOSSARY_FILE, COMPARE_FILE]);
	for (const file of readdirSync(folder.root).sort())
		if (file.endsWith('.yaml') && !listed.has(file))
			folder.problems.push({
				file: folder.display(file),
				path: [],
				message: `a topic file that ${folder.display(MODULE_FILE)} does not list under topics`
			});
}

/** The id of the question a path in a topic file's data falls in, if it has one. */
function questionIdAt(data: unknown, path: PropertyKey[]): string | undefined {
	const raw = data as { questions?: { id?: unknown }[] } | undefined;
	const id = path[0] === 'questions' ? raw?.questions?.[path[1] as number]?.id : undefined;
	return typeof id === 'string' ? id : undefined;
}

/** No two topics share an id or an order. */
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
	const parsed = folder.parse(GLOSSARY_FILE, glossaryFileSchema);
	if (!parsed) return [];
	const { yaml, data } = parsed;
	return data.terms
		.flatMap((term, i) => folder.place(buildGlossaryTerm(term, texts), yaml, ['terms', i]) ?? [])
		.sort((a, b) => a.term.localeCompare(b.term, 'en'));
}

/** `compare.yaml`, every account's quotes anchored, in the order of their ids (d2 before d10). */
function loadComparisons(folder: ContentFolder, texts: SourceTexts): BuiltComparison[] {
	const parsed = folder.parse(COMPARE_FILE, compareFileSchema);
	if (!parsed) return [];
	const { yaml, data } = parsed;
	return data.discrepancies
		.flatMap(
			(row, i) => folder.place(buildComparison(row, texts), yaml, ['discrepancies', i]) ?? []
		)
		.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
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

/**
 * Checks a topic file that is not (yet) in the content folder as if it were added to it: its YAML and
 * schema, its questions' objectives, every citation anchored in the folder's sources, and ids that no
 * question of the folder, nor another in the file, already has. The topic itself may be one the
 * folder has (questions to add to it) or a new one. Returns every problem found (none: it can be
 * added); throws a ContentError if the folder itself does not load.
 */
export function checkTopicFile(path: string, root = 'questions'): ContentProblem[] {
	const bank = loadBank(root);
	const texts: SourceTexts = new Map(bank.sources.map((s) => [s.id, new SourceText(s.text)]));
	const yaml = new YamlFile(relative(process.cwd(), path) || path, readFileSync(path, 'utf8'));
	if (yaml.syntaxProblems.length) return yaml.syntaxProblems;
	const parsed = topicFileSchema.safeParse(yaml.data);
	if (!parsed.success) return yaml.problemsFrom(parsed.error, (at) => questionIdAt(yaml.data, at));
	const folder = new ContentFolder(root);
	const { problems } = folder;
	const { topic, questions } = parsed.data;
	folder.place(buildTopic(topic, texts), yaml, ['topic']);
	const inBank = new Set(bank.questions.map((q) => q.id));
	const firstSeen = new Map<string, { yaml: YamlFile; index: number }>();
	questions.forEach((q, i) => {
		if (inBank.has(q.id))
			problems.push(
				yaml.problem(
					['questions', i, 'id'],
					`id already used by a question in ${root}; give it the next free number`,
					q.id
				)
			);
		checkQuestion(folder, { yaml, index: i }, q, topic, firstSeen);
		folder.place(buildQuestion(q, topic.id, texts), yaml, ['questions', i], q.id);
	});
	return problems;
}
