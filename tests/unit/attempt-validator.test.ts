import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { attemptSchema, storedAttemptsSchema } from '../../src/lib/quiz/attempt-schema';
import { parseAttempt, parseStoredAttempts } from '../../src/lib/quiz/attempt-validator.generated';
import { ATTEMPT_VALIDATOR, attemptValidatorSource } from '../../scripts/generate-validators';
import { validatorSource } from '../../scripts/zod-validator';
import { attemptOf } from '../helpers/attempts';

/** A finished attempt with one answer of each kind, a result and a flag: every branch of the schema. */
const finished = attemptOf({
	answers: {
		'q-single': { kind: 'single', choice: 'a' },
		'q-multiple': { kind: 'multiple', choices: ['a', 'c'] },
		'q-tf': { kind: 'true-false', value: false },
		'q-order': { kind: 'ordering', order: ['x', 'y', 'z'] },
		'q-match': { kind: 'matching', matches: { l1: 'r2', l2: 'r1' } },
		'q-essay': { kind: 'essay', text: 'Because…', met: ['c1'] }
	},
	checked: ['q-single'],
	flagged: ['q-tf'],
	current: 4,
	stage: 'finished',
	finishedAt: '2026-11-22T10:30:00.000Z',
	result: {
		score: 2.5,
		max: 5,
		byTopic: [{ topic: 'compensation', title: 'Compensation', score: 2.5, max: 5 }]
	}
});

/** Odd values to put anywhere in an attempt. */
const oddValue = fc.oneof(
	fc.constantFrom(
		null,
		undefined,
		'',
		'x'.repeat(201),
		-1,
		1.5,
		Infinity,
		NaN,
		1e300,
		true,
		[],
		{},
		['a', 'a'],
		{ kind: 'single' },
		{ kind: 'nope', choice: 'a' },
		{ score: 6, max: 5 },
		'practice',
		'finished'
	),
	fc.jsonValue({ maxDepth: 2 })
);

/** A path into the finished attempt (as key lists) where a change may land. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
	if (typeof value !== 'object' || value === null) return [prefix];
	return [
		prefix,
		...Object.keys(value).flatMap((k) =>
			pathsOf((value as Record<string, unknown>)[k], [...prefix, k])
		)
	];
}
const PATHS = pathsOf(finished);

/** The attempt with the value at a path replaced (or, for `undefined` in an object, removed) or a key added. */
function changed(path: string[], value: unknown, addKey: string | undefined): unknown {
	const copy = structuredClone(finished) as unknown as Record<string, unknown>;
	if (!path.length) return value;
	let parent: Record<string, unknown> = copy;
	for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
	const last = path[path.length - 1]!;
	if (addKey !== undefined && typeof parent[last] === 'object' && parent[last] !== null)
		(parent[last] as Record<string, unknown>)[addKey] = value;
	else if (value === undefined && !Array.isArray(parent)) delete parent[last];
	else parent[last] = value;
	return copy;
}

describe('the saved-attempt validator generated from the zod schema', () => {
	it('is up to date with the schema (run `npx tsx scripts/generate-validators.ts` if not)', async () => {
		expect(readFileSync(ATTEMPT_VALIDATOR, 'utf8')).toBe(await attemptValidatorSource());
	});

	it('reads a saved attempt with every kind of answer exactly as zod does', () => {
		expect(parseAttempt(finished)).toEqual(attemptSchema.safeParse(finished));
		expect(parseAttempt(finished)).toMatchObject({ success: true, data: finished });
	});

	it('accepts and refuses exactly what zod does, for thousands of changed attempts', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...PATHS),
				oddValue,
				fc.option(fc.constantFrom('extra', '__proto__', 'kind'), { nil: undefined }),
				(path, value, addKey) => {
					const input = changed(path, value, addKey);
					const ours = parseAttempt(input);
					const zods = attemptSchema.safeParse(input);
					expect(ours.success).toBe(zods.success);
					if (ours.success && zods.success) expect(ours.data).toEqual(zods.data);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('leaves out keys the schema does not know, as zod does', () => {
		const parsed = parseAttempt({ ...finished, sneaky: 1 });
		expect(parsed.success && 'sneaky' in parsed.data).toBe(false);
	});

	it('reads the stored envelope as zod does', () => {
		for (const value of [
			{ version: 1, inProgress: [], history: [1] },
			{ version: 2, inProgress: [], history: [] },
			{ version: 1, inProgress: {} },
			null
		])
			expect(parseStoredAttempts(value).success).toBe(
				storedAttemptsSchema.safeParse(value).success
			);
	});

	it('refuses to generate a refinement it cannot call, naming where it is', () => {
		const schema = z.object({ ids: z.array(z.string()).check(z.refine((l) => l.length > 0)) });
		expect(() =>
			validatorSource({
				specs: [{ name: 'parseThing', schema, type: 'Thing' }],
				rules: {},
				rulesFrom: './rules',
				typesFrom: './types',
				generatedBy: 'a test'
			})
		).toThrow(/parseThing\.ids: a refinement that is not one of the rules in \.\/rules/);
	});
});
