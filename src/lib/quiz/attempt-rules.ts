// The rules a saved attempt must keep beyond its shape, as plain predicates: the zod schemas in
// attempt-schema.ts refine with them, and the validator generated from those schemas
// (attempt-validator.generated.ts) calls the very same functions, so the rules are written once.

/** A list of ids, each at most once: pages key their lists by id, and a repeat would break them. */
export function noRepeatedIds(list: readonly string[]): boolean {
	return new Set(list).size === list.length;
}

/** Partial credit is a sum of fractions (1/9 nine times is 1.0000000000000002): allow for rounding. */
export function scoreWithinMax(s: { score: number; max: number }): boolean {
	return s.score <= s.max + 1e-9;
}

/** Each topic scored once in a result. */
export function noRepeatedTopics(list: readonly { topic: string }[]): boolean {
	return new Set(list.map((t) => t.topic)).size === list.length;
}
