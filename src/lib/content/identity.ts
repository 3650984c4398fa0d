import { textHash } from '../storage/browser-storage';
import type { Question } from './schema';

/**
 * JSON with object keys sorted at every depth: two values with the same meaning give the same text,
 * whatever order their keys were written or parsed in. Array order is kept (it carries meaning).
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/** Whether two questions are the same question in every field (key order does not count). */
export function sameQuestion(a: Question | undefined, b: Question | undefined): boolean {
	if (!a || !b) return a === b;
	return canonicalJson(a) === canonicalJson(b);
}

/**
 * The bank's version as results files record it: a hash of every question (canonical JSON), so any
 * edit to a prompt, option, answer or citation gives a new version, and an unchanged bank keeps its own.
 */
export function bankVersion(questions: readonly Question[]): string {
	const sorted = [...questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return `b-${textHash(canonicalJson(sorted))}`;
}
