import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSchema, type Pack } from '../../src/lib/content/schema';
import { parsePackFile } from '../../src/lib/instructor/import';
import { parseQuizSpec } from '../../src/lib/quiz/link';
import { selectQuestions } from '../../src/lib/quiz/selection';
import { realBankPack, realSiteSources } from '../helpers/packs';

const bank = realBankPack();
const sources = realSiteSources();
const small: Pack = { ...bank, questions: bank.questions.slice(0, 6) };

/** A pack import either succeeds with a schema-valid pack or lists errors that each start with a JSON path. */
function expectPackOrPathErrors(text: string) {
	const result = parsePackFile(text, sources);
	if (result.ok) expect(packSchema.safeParse(result.pack).success).toBe(true);
	else {
		expect(result.errors.length).toBeGreaterThan(0);
		for (const e of result.errors) expect(e.detail).toMatch(/^\$|^…and \d+ more problems\.$/);
	}
}

/** Sets, deletes or poisons one place in a copy of a JSON value. */
function mutate(
	value: unknown,
	path: (string | number)[],
	action: 'set' | 'delete' | 'proto',
	replacement: unknown
): unknown {
	const copy = JSON.parse(JSON.stringify(value));
	let target = copy;
	for (const key of path.slice(0, -1)) {
		if (target === null || typeof target !== 'object') return copy;
		target = target[key as keyof typeof target];
	}
	const last = path.at(-1);
	if (target === null || typeof target !== 'object' || last === undefined) return copy;
	if (action === 'delete') delete target[last];
	else if (action === 'proto')
		Object.defineProperty(target, '__proto__', { value: { polluted: true }, enumerable: true });
	else target[last] = replacement;
	return copy;
}

/** Every path into a JSON value, for choosing where to mutate. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (value === null || typeof value !== 'object') return [prefix];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [
		prefix,
		...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k]))
	];
}
const allPaths = pathsOf(small).filter((p) => p.length > 0);

describe('the pack importer under hostile input', () => {
	it('never throws on 1,000 arbitrary JSON documents', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => expectPackOrPathErrors(JSON.stringify(value))),
			{ numRuns: 1000 }
		);
	});

	it('never throws on 500 arbitrary strings, JSON or not', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectPackOrPathErrors), {
			numRuns: 500
		});
	});

	it('never throws on 1,500 mutations of a valid pack, and names the place of each problem', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...allPaths),
				fc.constantFrom('set', 'delete', 'proto'),
				fc.oneof(
					fc.jsonValue(),
					fc.string({ maxLength: 5000 }),
					fc.constant('__proto__'),
					fc.constant(null)
				),
				(path, action, replacement) => {
					const mutated = mutate(small, path, action as 'set' | 'delete' | 'proto', replacement);
					expectPackOrPathErrors(JSON.stringify(mutated));
					expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				}
			),
			{ numRuns: 1500 }
		);
	});

	it('rejects __proto__ and constructor keys without polluting any prototype', () => {
		const text = JSON.stringify(small).replace(
			'{"schemaVersion":1',
			'{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"schemaVersion":1'
		);
		const result = parsePackFile(text, sources);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.map((e) => e.detail).join('\n')).toMatch(
			/Unrecognized keys?: .*__proto__/
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('refuses more than 1,000 questions and over-long text, with the path', () => {
		const many = {
			...small,
			questions: Array.from({ length: 1001 }, (_, i) => ({ ...small.questions[0]!, id: `q-${i}` }))
		};
		const tooMany = parsePackFile(JSON.stringify(many), sources);
		expect(!tooMany.ok && tooMany.errors.map((e) => e.detail)).toContain(
			'$.questions: a pack can hold at most 1,000 questions'
		);
		const long = mutate(small, ['questions', 0, 'prompt'], 'set', 'x'.repeat(5000));
		const tooLong = parsePackFile(JSON.stringify(long), sources);
		expect(!tooLong.ok && tooLong.errors[0]!.detail).toMatch(
			/^\$\.questions\[0\]\.prompt: Too big/
		);
	});
});

describe('the share-link decoder under hostile input', () => {
	const param = fc.constantFrom(
		'topic',
		'mixed',
		'ids',
		'level',
		'mode',
		'seed',
		'shuffle',
		'order',
		'title',
		'note',
		'__proto__',
		'constructor'
	);

	it('always yields a usable quiz and never throws, for 2,000 arbitrary query strings', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(param, fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 12 }),
				fc.string({ unit: 'binary', maxLength: 200 }),
				(pairs, raw) => {
					for (const params of [new URLSearchParams(pairs), new URLSearchParams(raw)]) {
						const { spec, problems } = parseQuizSpec(params);
						expect(['practice', 'test']).toContain(spec.mode);
						expect(['topic', 'all', 'mixed', 'ids']).toContain(spec.scope.kind);
						expect(spec.title?.length ?? 0).toBeLessThanOrEqual(200);
						expect(spec.instructions?.length ?? 0).toBeLessThanOrEqual(1000);
						for (const p of problems) expect(p.length).toBeLessThan(400);
						const { questions, unknownIds } = selectQuestions(bank.questions, {
							...spec,
							seed: spec.seed ?? 'fuzz'
						});
						expect(questions.length + unknownIds.length).toBeLessThanOrEqual(
							Math.max(bank.questions.length, 1000)
						);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('caps a link at 1,000 question ids and says so', () => {
		const ids = Array.from({ length: 1200 }, (_, i) => `q-${i}`).join(',');
		const { spec, problems } = parseQuizSpec(new URLSearchParams({ ids }));
		expect(spec.scope.kind === 'ids' && spec.scope.ids.length).toBe(1000);
		expect(problems).toContain('A link can hold at most 1000 questions; the rest were left out.');
	});
});
