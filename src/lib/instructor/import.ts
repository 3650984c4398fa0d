import { formatPath } from '../content/problems';
import { packSchema, type Pack } from '../content/schema';

/** The largest pack file accepted: a whole bank is about 0.3 MB. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
const MAX_ERRORS = 50;

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
	const result = packSchema.safeParse(json);
	if (result.success) return { ok: true, pack: result.data };
	const errors = result.error.issues
		.slice(0, MAX_ERRORS)
		.map((issue) => `${formatPath(['$', ...issue.path])}: ${issue.message}`);
	if (result.error.issues.length > MAX_ERRORS)
		errors.push(`…and ${result.error.issues.length - MAX_ERRORS} more problems.`);
	return { ok: false, errors };
}
