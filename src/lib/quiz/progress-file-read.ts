import '../zod-jitless';
import * as z from 'zod/mini';
import { formatPath } from '../content/problems';
import { attemptSchema, type Attempt } from './attempt-schema';
import { MAX_PROGRESS_BYTES, PROGRESS_FORMAT } from './progress-file';
import type { Store } from './attempt-store';

const fileSchema = z.object({
	format: z.literal(PROGRESS_FORMAT),
	version: z.literal(1),
	savedAt: z.string(),
	inProgress: z.array(z.unknown()),
	history: z.array(z.unknown())
});

export type ProgressRead =
	{ ok: true; store: Store; savedAt: string } | { ok: false; errors: string[] };

/**
 * Reads a progress file the student chose. Every attempt is checked like saved progress is; any
 * problem is reported at its JSON path ($.history[3].answers) and nothing is taken from the file.
 */
export function readProgressFile(text: string, bytes = text.length): ProgressRead {
	if (bytes > MAX_PROGRESS_BYTES)
		return {
			ok: false,
			errors: ['$: the file is too large to be a Sourced progress file (over 5 MB).']
		};
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, errors: [`$: not valid JSON (${(error as Error).message}).`] };
	}
	const file = fileSchema.safeParse(json);
	if (!file.success)
		return {
			ok: false,
			errors: file.error.issues
				.slice(0, 5)
				.map((issue) => `${formatPath(['$', ...issue.path])}: ${issue.message}`)
				.concat(
					isObject(json) && json.format !== PROGRESS_FORMAT
						? ['This is not a progress file saved from "My progress".']
						: []
				)
		};
	const errors: string[] = [];
	const read = (list: 'inProgress' | 'history'): Attempt[] =>
		file.data[list].flatMap((item, i) => {
			const parsed = attemptSchema.safeParse(item);
			if (parsed.success) return [parsed.data];
			const issue = parsed.error.issues[0];
			errors.push(`${formatPath(['$', list, i, ...(issue?.path ?? [])])}: ${issue?.message}`);
			return [];
		});
	const store = { inProgress: read('inProgress'), history: read('history') };
	if (errors.length) return { ok: false, errors: errors.slice(0, 20) };
	return { ok: true, store, savedAt: file.data.savedAt };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
