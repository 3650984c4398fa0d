import { formatPath } from '../content/problems';
import { packSchema, type Pack } from '../content/schema';

/** The largest pack file accepted: a whole bank is about 0.3 MB. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 50;
/** A pack is about six levels deep; far deeper or far larger JSON is refused before zod walks it. */
export const MAX_PACK_DEPTH = 16;
export const MAX_PACK_VALUES = 250_000;

export type PackImport = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/**
 * Reads a pack file a user chose: JSON, then the pack schema. Every problem is reported with its
 * JSON path ($.questions[3].options); the caller keeps everything it already had untouched.
 */
export function parsePackFile(
	text: string,
	bytes = new TextEncoder().encode(text).length
): PackImport {
	if (bytes > MAX_PACK_BYTES)
		return {
			ok: false,
			errors: [`$: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a pack can be at most 5 MB.`]
		};
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, errors: [`$: not valid JSON (${(error as Error).message}).`] };
	}
	const prepared = preparedJson(json);
	if (!prepared.ok) return { ok: false, errors: [prepared.error] };
	const result = packSchema.safeParse(prepared.value);
	if (result.success) return { ok: true, pack: result.data };
	const errors = result.error.issues
		.slice(0, MAX_ERRORS)
		.map((issue) => `${formatPath(['$', ...issue.path])}: ${issue.message}`);
	if (result.error.issues.length > MAX_ERRORS)
		errors.push(`…and ${result.error.issues.length - MAX_ERRORS} more problems.`);
	return { ok: false, errors };
}

/**
 * The parsed file with every line ending made a line feed (a lone carriage return would split lines
 * differently in each format), refused if it nests deeper than MAX_PACK_DEPTH or holds more than
 * MAX_PACK_VALUES values: such a file is no pack, and validating it would freeze the page.
 */
function preparedJson(json: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
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
			error: `${formatPath(['$', ...tooDeep])}: nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep.`
		};
	if (values > MAX_PACK_VALUES)
		return {
			ok: false,
			error: `$: holds more than ${MAX_PACK_VALUES.toLocaleString('en')} values; a pack of 1,000 questions holds far fewer.`
		};
	return { ok: true, value };
}
