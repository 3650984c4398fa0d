import { anchorCitations, SourceText, type SourceTexts } from '../content/anchor';
import { canonicalJson } from '../content/identity';
import type { SiteSource } from '../content/pack';
import { formatPath, type Problem } from '../content/problems';
import { packSchema, type Pack, type PackSource } from '../content/schema';

/** The largest pack file accepted: a whole bank is about 0.3 MB. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 50;
/** A pack is about six levels deep; far deeper or far larger JSON is refused before zod walks it. */
export const MAX_PACK_DEPTH = 16;
export const MAX_PACK_VALUES = 250_000;

export type { SiteSource } from '../content/pack';

/**
 * One reason a pack was refused: where (`$.questions[3].citations[0].exact`), the line an author or
 * the command line reads (the path and the build's own message), and the same in plain words,
 * numbered from 1, naming the question ("Question 4 (comp-07): …").
 */
export interface ImportError {
	path: string;
	detail: string;
	plain: string;
}

/** What an accepted pack needed: the sources whose details in the file differed from the site's. */
export interface ImportReport {
	replacedSources: string[];
}

export type PackImport =
	{ ok: true; pack: Pack; report: ImportReport } | { ok: false; errors: ImportError[] };

/**
 * Reads a pack file a user chose: JSON, then the pack schema, then the site's sources: the pack may
 * cite only the site's own sources (same id, same SHA-256 when it gives one), and every quotation is
 * anchored in the source's text by the build's own code, so a pack cannot put words in an outlet's
 * mouth. Every problem is reported with its JSON path and in plain words; the caller keeps everything
 * it already had untouched. The accepted pack carries the site's source details and the offsets the
 * site computed.
 */
export function parsePackFile(
	text: string,
	sources: readonly SiteSource[],
	bytes = new TextEncoder().encode(text).length
): PackImport {
	const refuse = (message: string, plain: string): PackImport => ({
		ok: false,
		errors: [{ path: '$', detail: `$: ${message}`, plain }]
	});
	if (bytes > MAX_PACK_BYTES) {
		const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`;
		return refuse(
			`the file is ${size}; a pack can be at most 5 MB.`,
			`The file is ${size}; a pack can be at most 5 MB.`
		);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const why = (error as Error).message;
		return refuse(
			`not valid JSON (${why}).`,
			`The file is not a pack: it is not valid JSON (${why}).`
		);
	}
	const prepared = preparedJson(json);
	if (!prepared.ok) return { ok: false, errors: [errorAt(prepared.path, prepared.message, json)] };
	const result = packSchema.safeParse(prepared.value);
	if (!result.success)
		return {
			ok: false,
			errors: capped(
				result.error.issues.map((issue) => errorAt(issue.path, issue.message, prepared.value))
			)
		};
	return checkedAgainstSources(result.data, sources);
}

/**
 * The pack with the site's source details and every citation anchored in the site's text of its
 * source; or every source that is not the site's and every quotation that is not in its source.
 */
function checkedAgainstSources(pack: Pack, sources: readonly SiteSource[]): PackImport {
	const site = new Map(sources.map((s) => [s.id, s]));
	const labels = sources.map((s) => s.label).join(', ');
	const errors: ImportError[] = [];
	const replacedSources: string[] = [];
	pack.sources.forEach((source, k) => {
		const own = site.get(source.id);
		const where = `Source ${k + 1} (${source.id})`;
		if (!own) {
			const path = ['sources', k, 'id'];
			errors.push({
				path: formatPath(['$', ...path]),
				detail: `${formatPath(['$', ...path])}: source "${source.id}" is not one of this site's sources (known: ${[...site.keys()].join(', ')}); a pack may cite only those, because its quotations are checked against their texts`,
				plain: `${where}, labelled “${source.label}”, is not one of this site's sources, so its quotations cannot be checked. A pack may cite only the site's sources: ${labels}.`
			});
			return;
		}
		if (source.sha256 !== undefined && source.sha256 !== own.sha256) {
			const path = formatPath(['$', 'sources', k, 'sha256']);
			errors.push({
				path,
				detail: `${path}: SHA-256 ${source.sha256} is not that of this site's copy of ${source.id} (${own.sha256}); the pack was made from another copy`,
				plain: `${where}: the pack was made from a different copy of the ${own.label} source than this site has (their SHA-256 hashes differ), so its quotations cannot be checked.`
			});
			return;
		}
		if (canonicalJson({ ...source, sha256: own.sha256 }) !== canonicalJson(siteDetails(own)))
			replacedSources.push(own.label);
	});

	const texts: SourceTexts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
	const questions = pack.questions.map((q, i) => {
		const known = q.citations.filter((c) => texts.has(c.source));
		// A citation of a source that is not the site's is already refused above, with that source.
		if (known.length < q.citations.length) return q;
		const { citations, problems } = anchorCitations(q.citations, texts);
		for (const problem of problems) errors.push(anchorError(problem, q, i, texts, site));
		return { ...q, citations };
	});
	if (errors.length) return { ok: false, errors: capped(errors) };
	return {
		ok: true,
		pack: {
			...pack,
			sources: pack.sources.map((s) => siteDetails(site.get(s.id)!)),
			questions
		},
		report: { replacedSources }
	};
}

/** The site's details of a source, as a pack carries them. */
const siteDetails = ({ text: _text, ...details }: SiteSource): PackSource => details;

/** An anchoring problem of question i, as the build words it and in plain words. */
function anchorError(
	problem: Problem,
	q: Pack['questions'][number],
	i: number,
	texts: SourceTexts,
	site: ReadonlyMap<string, SiteSource>
): ImportError {
	const j = problem.path[0] as number;
	const citation = q.citations[j]!;
	const path = formatPath(['$', 'questions', i, 'citations', ...problem.path]);
	const label = site.get(citation.source)?.label ?? citation.source;
	const result = texts.get(citation.source)?.anchor(citation);
	const quotation = `Question ${i + 1} (${q.id}): the quotation in citation ${j + 1}`;
	let plain = `${quotation} could not be found in the ${label} source.`;
	if (result && !result.ok)
		switch (result.problem) {
			case 'not-found':
				plain = `${quotation} is not in the ${label} source. ${
					result.nearest
						? `Nearest passage: “${shortened(result.nearest)}”`
						: 'No passage of it comes close.'
				}`;
				break;
			case 'context':
				plain = `${quotation} is in the ${label} source, but the text given just before or after it (prefix or suffix) matches none of the places where it occurs.`;
				break;
			case 'ambiguous':
				plain = `${quotation} occurs more than once in the ${label} source; add the text just before or after it (prefix or suffix) to say which.`;
				break;
		}
	return { path, detail: `${path}: ${problem.message}`, plain };
}

/** A passage cut to about 200 characters for a message. */
const shortened = (text: string) =>
	text.length <= 200 ? text : `${text.slice(0, 200).replace(/\s+\S*$/, '')}…`;

/** At most MAX_ERRORS errors, and a line saying how many more there were. */
function capped(errors: ImportError[]): ImportError[] {
	if (errors.length <= MAX_ERRORS) return errors;
	const more = `…and ${errors.length - MAX_ERRORS} more problems.`;
	return [...errors.slice(0, MAX_ERRORS), { path: '', detail: more, plain: more }];
}

/** A problem at `path` in the file's JSON, with that path and in plain words. */
function errorAt(path: readonly PropertyKey[], message: string, json: unknown): ImportError {
	const at = formatPath(['$', ...path]);
	return {
		path: at,
		detail: `${at}: ${message}`,
		plain: `${placeInWords(path, json)}: ${message}`
	};
}

const ITEM_NAMES: Record<string, string> = {
	questions: 'Question',
	sources: 'Source',
	topics: 'Topic',
	citations: 'citation',
	options: 'option',
	items: 'item',
	pairs: 'pair',
	rubric: 'rubric criterion',
	captureNotes: 'capture note'
};

/**
 * A JSON path as a person says it, counting from 1 and naming a question, source or topic by its id:
 * `questions[3].citations[0].exact` is "Question 4 (comp-07), citation 1, exact".
 */
export function placeInWords(path: readonly PropertyKey[], json: unknown): string {
	if (!path.length) return 'The file';
	const words: string[] = [];
	let value: unknown = json;
	for (let k = 0; k < path.length; k++) {
		const key = path[k]!;
		const next = path[k + 1];
		const child = (v: unknown, at: PropertyKey) =>
			v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[at] : undefined;
		if (typeof key === 'string' && typeof next === 'number') {
			const item = child(child(value, key), next);
			const id = child(item, 'id');
			const name = ITEM_NAMES[key] ?? key;
			words.push(
				`${name} ${next + 1}${typeof id === 'string' && id ? ` (${id.slice(0, 80)})` : ''}`
			);
			value = item;
			k++;
		} else {
			words.push(typeof key === 'number' ? `entry ${key + 1}` : String(key));
			value = child(value, key);
		}
	}
	const [first, ...rest] = words;
	return [first!.replace(/^./, (c) => c.toUpperCase()), ...rest].join(', ');
}

/**
 * The parsed file with every line ending made a line feed (a lone carriage return would split lines
 * differently in each format), refused if it nests deeper than MAX_PACK_DEPTH or holds more than
 * MAX_PACK_VALUES values: such a file is no pack, and validating it would freeze the page.
 */
function preparedJson(
	json: unknown
): { ok: true; value: unknown } | { ok: false; path: (string | number)[]; message: string } {
	let values = 0;
	let tooDeep: (string | number)[] | undefined;
	const walk = (value: unknown, path: (string | number)[]): unknown => {
		if (tooDeep || ++values > MAX_PACK_VALUES) return value;
		if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
		if (value === null || typeof value !== 'object') return value;
		if (path.length >= MAX_PACK_DEPTH) {
			tooDeep = path;
			return value;
		}
		if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
	};
	const value = walk(json, []);
	if (tooDeep)
		return {
			ok: false,
			path: tooDeep,
			message: `nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep.`
		};
	if (values > MAX_PACK_VALUES)
		return {
			ok: false,
			path: [],
			message: `holds more than ${MAX_PACK_VALUES.toLocaleString('en')} values; a pack of 1,000 questions holds far fewer.`
		};
	return { ok: true, value };
}
