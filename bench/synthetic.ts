import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { bankPack } from '../src/lib/content/pack';
import { packSchema, type Bank, type Pack } from '../src/lib/content/schema';

/** `comp-01`, copy 42 → `comp-01-x0042`: still a valid slug, unique per copy. */
export const copyId = (id: string, copy: number) => `${id}-x${String(copy).padStart(4, '0')}`;

/**
 * `count` questions made of the real ones, deterministically: copy 0 of every question in order,
 * then copy 1, and so on, each with a suffixed id.
 */
export function repeatQuestions<T extends { id: string }>(
	questions: readonly T[],
	count: number
): T[] {
	if (!questions.length) throw new Error('no questions to repeat');
	const copies: T[] = [];
	for (let copy = 0; copies.length < count; copy++)
		for (const q of questions) {
			if (copies.length === count) break;
			copies.push({ ...structuredClone(q), id: copyId(q.id, copy) });
		}
	return copies;
}

export interface SyntheticPack {
	pack: Pack;
	validateMs: number;
	/** Set when packSchema caps a pack below `count` questions, so it was checked in parts. */
	validatedInPartsOf?: number;
}

/**
 * The whole bank as a pack, scaled to `count` questions and validated with the pack schema. If the
 * schema's only objection is a cap on the number of questions, the pack is checked as consecutive
 * packs of that size (every question and every pack rule) plus one check that ids are unique overall.
 */
export function syntheticPack(bank: Bank, count: number): SyntheticPack {
	const real = bankPack(bank);
	const draft = {
		...real,
		id: `bench-${count}`,
		title: `Benchmark pack: the real questions repeated to ${count}`,
		questions: repeatQuestions(real.questions, count)
	};
	const start = performance.now();
	const whole = packSchema.safeParse(draft);
	if (whole.success) return { pack: whole.data, validateMs: performance.now() - start };

	const cap = whole.error.issues.every(
		(i) => i.code === 'too_big' && i.path.length === 1 && i.path[0] === 'questions'
	)
		? Number((whole.error.issues[0] as { maximum?: number | bigint }).maximum)
		: NaN;
	if (!(cap >= 1)) throw new Error(`the synthetic pack is not valid: ${whole.error.message}`);
	const questions: Pack['questions'] = [];
	for (let from = 0; from < draft.questions.length; from += cap) {
		const part = packSchema.safeParse({
			...draft,
			questions: draft.questions.slice(from, from + cap)
		});
		if (!part.success)
			throw new Error(
				`the synthetic pack is not valid (questions ${from}+): ${part.error.message}`
			);
		questions.push(...part.data.questions);
	}
	if (new Set(questions.map((q) => q.id)).size !== questions.length)
		throw new Error('the synthetic pack repeats a question id');
	return {
		pack: { ...packSchema.parse({ ...draft, questions: questions.slice(0, cap) }), questions },
		validateMs: performance.now() - start,
		validatedInPartsOf: cap
	};
}

/** The files a synthetic folder copies as they are: everything but the topic files. */
const AS_IS = ['module.yaml', 'glossary.yaml', 'compare.yaml'];

export interface TopicFile {
	name: string;
	topic: unknown;
	questions: { id: string }[];
}

/** The topic files module.yaml lists, as authored (YAML parsed, nothing anchored yet). */
export function readTopicFiles(root = 'questions'): TopicFile[] {
	const listing = parse(readFileSync(join(root, 'module.yaml'), 'utf8')) as { topics: string[] };
	return [...listing.topics].sort().map((name) => {
		const data = parse(readFileSync(join(root, name), 'utf8')) as Omit<TopicFile, 'name'>;
		return { name, topic: data.topic, questions: data.questions };
	});
}

/**
 * `count` questions from the topic files, the real ones repeated (copy 0 of every question in
 * file order, then copy 1, and so on, with suffixed ids), grouped by the file each came from.
 * `edit` may change a copy; it gets the copy's place among the `count`.
 */
export function repeatTopicQuestions(
	files: readonly TopicFile[],
	count: number,
	edit: (question: { id: string }, n: number) => { id: string } = (q) => q
): Map<string, { id: string }[]> {
	const all = files.flatMap((f) => f.questions.map((q) => ({ file: f.name, q })));
	if (!all.length) throw new Error('no questions in the topic files');
	const byFile = new Map(files.map((f) => [f.name, [] as { id: string }[]]));
	for (let copy = 0, n = 0; n < count; copy++)
		for (const { file, q } of all) {
			if (n === count) break;
			byFile.get(file)!.push(edit({ ...q, id: copyId(q.id, copy) }, n));
			n++;
		}
	return byFile;
}

/** Each topic file written to `dir` with the questions `byFile` holds for it; the YAML's bytes. */
export function writeTopicFiles(
	dir: string,
	files: readonly TopicFile[],
	byFile: ReadonlyMap<string, readonly { id: string }[]>
): number {
	let yamlBytes = 0;
	for (const f of files) {
		// No line folding: yaml 2 folds some strings that start with a space and hold a newline into
		// text that parses back differently, which would break the copied citations.
		const text = stringify(
			{ topic: f.topic, questions: byFile.get(f.name) },
			// Written as an author would: every question in full, never as YAML aliases of shared objects
			// (resolving aliases is quadratic in the yaml package, and authored files have none).
			{ lineWidth: 0, aliasDuplicateObjects: false }
		);
		yamlBytes += Buffer.byteLength(text);
		writeFileSync(join(dir, f.name), text);
	}
	return yamlBytes;
}

/**
 * A content folder in a temp dir holding `count` questions: the real sources, glossary and
 * comparisons, and each topic file with its real questions repeated (suffixed ids), written as YAML.
 */
export function writeSyntheticContent(
	count: number,
	root = 'questions',
	parent = tmpdir()
): { dir: string; yamlBytes: number } {
	const files = readTopicFiles(root);
	const byFile = repeatTopicQuestions(files, count);
	const dir = mkdtempSync(join(parent, `content-${count}-`));
	cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true });
	for (const name of AS_IS) cpSync(join(root, name), join(dir, name));
	return { dir, yamlBytes: writeTopicFiles(dir, files, byFile) };
}

/** The largest pack the builder accepts: 1,000 questions in 4.96 MB of JSON (the cap is 5 MiB). */
export const LIMIT_PACK = { questions: 1000, bytes: 4_960_000 };

/**
 * A pack at the import limits: the real questions repeated to 1,000 (suffixed ids, so none is the
 * bank's own and the builder keeps every one whole), each prompt and explanation lengthened by
 * repeating its own words, until the file is 4.96 MB. Validated with the pack schema.
 */
export function packAtTheLimits(bank: Bank): Pack {
	const real = bankPack(bank);
	const questions = repeatQuestions(real.questions, LIMIT_PACK.questions);
	const lengthen = (text: string, length: number) =>
		length <= text.length
			? text
			: `${text} ${text.repeat(Math.ceil(length / text.length))}`.slice(0, length).trimEnd();
	const sized = (extra: number) => ({
		...real,
		id: 'limits',
		title: 'A pack at the limits',
		questions: questions.map((q) => ({
			...q,
			prompt: lengthen(q.prompt, Math.min(1000, q.prompt.length + extra)),
			explanation: lengthen(q.explanation, Math.min(2000, q.explanation.length + extra))
		}))
	});
	const bytesOf = (extra: number) => Buffer.byteLength(JSON.stringify(sized(extra)));
	let low = 0;
	let high = 3000;
	while (high - low > 1) {
		const mid = (low + high) >> 1;
		if (bytesOf(mid) <= LIMIT_PACK.bytes) low = mid;
		else high = mid;
	}
	return packSchema.parse(sized(low));
}
