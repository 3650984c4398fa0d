import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SourceText } from './anchor';
import { ContentError, YamlFile, type ContentProblem } from './problems';
import {
	compareFileSchema,
	glossaryFileSchema,
	sourcesFileSchema,
	topicFileSchema,
	type AnchoredCitation,
	type Citation,
	type Comparison,
	type GlossaryTerm,
	type Question,
	type Source,
	type Topic
} from './schema';

export interface LoadedSource extends Source {
	text: string;
}

export interface BuiltGlossaryTerm extends Omit<GlossaryTerm, 'citations'> {
	citations: AnchoredCitation[];
}

export interface BuiltAccount {
	source: string;
	note?: string;
	quotes: AnchoredCitation[];
}

export interface BuiltComparison extends Omit<Comparison, 'accounts'> {
	accounts: BuiltAccount[];
}

/** The whole validated bank: every question's citations anchored in its source's text. */
export interface Bank {
	sources: LoadedSource[];
	topics: Topic[];
	questions: Question[];
	glossary: BuiltGlossaryTerm[];
	comparisons: BuiltComparison[];
}

const SOURCES_FILE = 'sources/sources.yaml';
const GLOSSARY_FILE = 'glossary.yaml';
const COMPARE_FILE = 'compare.yaml';

/**
 * Reads and validates everything under `root` (normally `questions/`). Throws a ContentError that
 * lists every problem found, each with its file, line, question id and what is wrong.
 */
export function loadBank(root = 'questions'): Bank {
	const problems: ContentProblem[] = [];
	const display = (file: string) => relative(process.cwd(), join(root, file)) || file;
	const read = (file: string) =>
		new YamlFile(display(file), readFileSync(join(root, file), 'utf8'));

	const sources = loadSources(root, read(SOURCES_FILE), problems);
	const texts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
	const anchorAll = (
		yaml: YamlFile,
		citations: Citation[],
		path: (string | number)[],
		questionId?: string,
		field = 'citations'
	): AnchoredCitation[] =>
		citations.flatMap((c, j) => {
			const at = [...path, field, j];
			const source = texts.get(c.source);
			if (!source) {
				const known = [...texts.keys()].join(', ');
				problems.push(
					yaml.problem(
						[...at, 'source'],
						`citation ${j + 1}: unknown source "${c.source}" (known: ${known})`,
						questionId
					)
				);
				return [];
			}
			const result = source.anchor(c);
			if (!result.ok) {
				problems.push(
					yaml.problem(
						[...at, 'exact'],
						`citation ${j + 1} (source ${c.source}): ${result.reason}`,
						questionId
					)
				);
				return [];
			}
			const { start, end, anchor } = result.position;
			return [{ ...c, start, end, anchor }];
		});

	const topics: Topic[] = [];
	const questions: Question[] = [];
	const firstSeen = new Map<string, { yaml: YamlFile; index: number }>();
	const topicFiles = readdirSync(root)
		.filter((f) => f.endsWith('.yaml') && f !== GLOSSARY_FILE && f !== COMPARE_FILE)
		.sort();
	for (const file of topicFiles) {
		const yaml = read(file);
		problems.push(...yaml.syntaxProblems);
		if (yaml.syntaxProblems.length) continue;
		const raw = yaml.data as { questions?: { id?: unknown }[] } | undefined;
		const idAt = (path: PropertyKey[]) => {
			const id = path[0] === 'questions' ? raw?.questions?.[path[1] as number]?.id : undefined;
			return typeof id === 'string' ? id : undefined;
		};
		const parsed = topicFileSchema.safeParse(yaml.data);
		if (!parsed.success) {
			problems.push(...yaml.problemsFrom(parsed.error, idAt));
			continue;
		}
		const { topic } = parsed.data;
		topics.push(topic);
		const objectives = new Set(topic.objectives.map((o) => o.id));
		parsed.data.questions.forEach((q, i) => {
			const earlier = firstSeen.get(q.id);
			if (earlier) {
				// Line numbers only for the message: looking them up for every question would be quadratic.
				const at = `${earlier.yaml.file}:${earlier.yaml.lineOf(['questions', earlier.index, 'id'])}`;
				problems.push(yaml.problem(['questions', i, 'id'], `id already used at ${at}`, q.id));
			} else firstSeen.set(q.id, { yaml, index: i });
			if (!objectives.has(q.objective))
				problems.push(
					yaml.problem(
						['questions', i, 'objective'],
						`objective "${q.objective}" is not one of topic ${topic.id}'s (${[...objectives].join(', ')})`,
						q.id
					)
				);
			const citations = anchorAll(yaml, q.citations, ['questions', i], q.id);
			if (citations.length === q.citations.length)
				questions.push({ ...q, topic: topic.id, citations } as Question);
		});
	}
	for (const [field, label] of [
		['id', 'topic id'],
		['order', 'topic order']
	] as const) {
		const values = topics.map((t) => t[field]);
		const twice = values.filter((v, i) => values.indexOf(v) !== i);
		if (twice.length)
			problems.push({
				file: display('.'),
				path: [],
				message: `${label} used twice: ${twice.join(', ')}`
			});
	}

	const glossary: BuiltGlossaryTerm[] = [];
	const glossaryYaml = read(GLOSSARY_FILE);
	problems.push(...glossaryYaml.syntaxProblems);
	const parsedGlossary = glossaryFileSchema.safeParse(glossaryYaml.data);
	if (!glossaryYaml.syntaxProblems.length && !parsedGlossary.success)
		problems.push(...glossaryYaml.problemsFrom(parsedGlossary.error));
	parsedGlossary.data?.terms.forEach((term, i) => {
		const citations = anchorAll(glossaryYaml, term.citations, ['terms', i]);
		glossary.push({ ...term, citations });
	});

	const comparisons: BuiltComparison[] = [];
	const compareYaml = read(COMPARE_FILE);
	problems.push(...compareYaml.syntaxProblems);
	const parsedCompare = compareFileSchema.safeParse(compareYaml.data);
	if (!compareYaml.syntaxProblems.length && !parsedCompare.success)
		problems.push(...compareYaml.problemsFrom(parsedCompare.error));
	parsedCompare.data?.discrepancies.forEach((row, i) => {
		const accounts = row.accounts.map((account, k) => ({
			...account,
			quotes: anchorAll(
				compareYaml,
				account.quotes.map((quote) => ({ ...quote, source: account.source })),
				['discrepancies', i, 'accounts', k],
				undefined,
				'quotes'
			)
		}));
		comparisons.push({ ...row, accounts });
	});

	if (problems.length) throw new ContentError(problems);
	topics.sort((a, b) => a.order - b.order);
	glossary.sort((a, b) => a.term.localeCompare(b.term, 'en'));
	comparisons.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
	return { sources, topics, questions, glossary, comparisons };
}

function loadSources(root: string, yaml: YamlFile, problems: ContentProblem[]): LoadedSource[] {
	problems.push(...yaml.syntaxProblems);
	if (yaml.syntaxProblems.length) return [];
	const parsed = sourcesFileSchema.safeParse(yaml.data);
	if (!parsed.success) {
		problems.push(...yaml.problemsFrom(parsed.error));
		return [];
	}
	return parsed.data.sources.flatMap((source, i) => {
		let bytes: Buffer;
		try {
			bytes = readFileSync(join(root, 'sources', source.file));
		} catch {
			problems.push(
				yaml.problem(['sources', i, 'file'], `file questions/sources/${source.file} is missing`)
			);
			return [];
		}
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		if (sha256 !== source.sha256)
			problems.push(
				yaml.problem(
					['sources', i, 'sha256'],
					`${source.file} has SHA-256 ${sha256}, not the recorded ${source.sha256}: source copies must stay byte-exact`
				)
			);
		return [{ ...source, text: bytes.toString('utf8') }];
	});
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
