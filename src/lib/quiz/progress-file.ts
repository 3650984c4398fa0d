import '../zod-jitless';
import * as z from 'zod/mini';
import { formatPath } from '../content/problems';
import { attemptSchema, type Attempt } from './attempt-schema';
import { HISTORY_LIMIT, IN_PROGRESS_LIMIT, type Store } from './storage';

/** What a progress file says it is, so that a results file or a pack is not mistaken for one. */
export const PROGRESS_FORMAT = 'sourced-progress';
/** A full store (80 attempts) is well under 1 MB; a larger file is not a progress file. */
export const MAX_PROGRESS_BYTES = 5 * 1024 * 1024;

const fileSchema = z.object({
	format: z.literal(PROGRESS_FORMAT),
	version: z.literal(1),
	savedAt: z.string(),
	inProgress: z.array(z.unknown()),
	history: z.array(z.unknown())
});

/** A student's saved progress as a file: every attempt, in progress and finished, as stored. */
export function progressFile(store: Store, now: Date): { name: string; text: string } {
	const file = { format: PROGRESS_FORMAT, version: 1, savedAt: now.toISOString(), ...store };
	return {
		name: `Sourced progress - ${now.toISOString().slice(0, 10)}.json`,
		text: JSON.stringify(file, null, '\t')
	};
}

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

/** How restoring a file would change this browser's progress, for the student to decide. */
export interface RestorePlan {
	/** Attempts only the file has. */
	added: number;
	/** Attempts both have, where the file's copy is newer. */
	newer: number;
	/** Attempts both have, where this browser's copy is newer or the same. */
	kept: number;
	/** Attempts only this browser has. */
	browserOnly: number;
	/** The oldest attempts that would no longer fit in this browser's limits, and are not kept. */
	dropped: number;
}

const changedAt = (a: Attempt) => a.finishedAt ?? a.updatedAt;

export function restorePlan(current: Store, file: Store): RestorePlan {
	const mine = new Map([...current.inProgress, ...current.history].map((a) => [a.id, a]));
	const theirs = [...file.inProgress, ...file.history];
	const plan: RestorePlan = { added: 0, newer: 0, kept: 0, browserOnly: 0, dropped: 0 };
	for (const attempt of theirs) {
		const own = mine.get(attempt.id);
		if (!own) plan.added++;
		else if (changedAt(attempt) > changedAt(own)) plan.newer++;
		else plan.kept++;
	}
	const inFile = new Set(theirs.map((a) => a.id));
	plan.browserOnly = [...mine.keys()].filter((id) => !inFile.has(id)).length;
	const merged = mergedProgress(current, file);
	plan.dropped = mine.size + plan.added - merged.inProgress.length - merged.history.length;
	return plan;
}

/**
 * This browser's progress with the file's merged in: every attempt from either, and where both have
 * one attempt, the copy changed last. Lists stay newest first and within the store's limits.
 */
export function mergedProgress(current: Store, file: Store): Store {
	const byId = new Map<string, Attempt>();
	for (const attempt of [
		...current.inProgress,
		...current.history,
		...file.inProgress,
		...file.history
	]) {
		const seen = byId.get(attempt.id);
		if (!seen || changedAt(attempt) > changedAt(seen)) byId.set(attempt.id, attempt);
	}
	const all = [...byId.values()].sort((a, b) => (changedAt(b) > changedAt(a) ? 1 : -1));
	return {
		inProgress: all.filter((a) => a.stage !== 'finished').slice(0, IN_PROGRESS_LIMIT),
		history: all.filter((a) => a.stage === 'finished').slice(0, HISTORY_LIMIT)
	};
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
