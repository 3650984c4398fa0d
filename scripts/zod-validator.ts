// Writes a standalone validator from zod schemas, so the browser can check saved data as strictly as
// zod does without loading zod (about 17 kB gzip). It covers the parts of zod/mini the schemas use,
// and stops with the schema path of anything else. Refinements must be named functions from one
// module (`rules`): the generated code imports and calls those same functions.
import type * as z from 'zod/mini';

interface Def {
	type: string;
	checks?: { _zod: { def: CheckDef } }[];
	shape?: Record<string, Schema>;
	element?: Schema;
	keyType?: Schema;
	valueType?: Schema;
	innerType?: Schema;
	options?: Schema[];
	discriminator?: string;
	values?: unknown[];
	entries?: Record<string, unknown>;
}
interface CheckDef {
	check: string;
	minimum?: number;
	maximum?: number;
	format?: string;
	value?: number;
	inclusive?: boolean;
	fn?: unknown;
}
type Schema = { _zod: { def: Def } };

export interface ValidatorSpec {
	/** The exported function's name, e.g. `parseAttempt`. */
	name: string;
	schema: z.ZodMiniType;
	/** The inferred type the function returns, imported from `typesFrom`. */
	type: string;
}

/**
 * TypeScript source of a module exporting, for each spec, `name(value: unknown)` that returns
 * `{ success: true, data }` (unknown keys of objects left out, as zod does) or `{ success: false }`.
 */
export function validatorSource(options: {
	specs: ValidatorSpec[];
	rules: Record<string, unknown>;
	rulesFrom: string;
	typesFrom: string;
	generatedBy: string;
}): string {
	const ruleNames = new Map(Object.entries(options.rules).map(([name, fn]) => [fn, name]));
	const names = new Map<Schema, string>();
	const byBody = new Map<string, string>();
	const functions: string[] = [];

	/** The name of the function that validates a schema, writing it the first time (schemas are not recursive). */
	const fnFor = (schema: Schema, path: string): string => {
		const known = names.get(schema);
		if (known) return known;
		const body = bodyOf(schema._zod.def, path);
		let name = byBody.get(body);
		if (!name) {
			name = `v${byBody.size}`;
			byBody.set(body, name);
			functions.push(`function ${name}(x: any): any {\n${body}\n}`);
		}
		names.set(schema, name);
		return name;
	};

	const checksOf = (def: Def, path: string): string[] =>
		(def.checks ?? []).map(({ _zod: { def: c } }) => {
			switch (c.check) {
				case 'min_length':
					return `\tif (x.length < ${c.minimum}) return FAIL;`;
				case 'max_length':
					return `\tif (x.length > ${c.maximum}) return FAIL;`;
				case 'number_format':
					if (c.format !== 'safeint') break;
					return '\tif (!Number.isSafeInteger(x)) return FAIL;';
				case 'greater_than':
					return `\tif (!(x ${c.inclusive ? '>=' : '>'} ${c.value})) return FAIL;`;
				case 'custom': {
					const rule = ruleNames.get(c.fn);
					if (!rule)
						throw new Error(
							`${path}: a refinement that is not one of the rules in ${options.rulesFrom}`
						);
					return `\tif (!rules.${rule}(out)) return FAIL;`;
				}
			}
			throw new Error(`${path}: zod check "${c.check}" is not supported by the generator`);
		});

	const bodyOf = (def: Def, path: string): string => {
		const checks = checksOf(def, path);
		const finish = [...checks, '\treturn out;'].join('\n');
		switch (def.type) {
			case 'string':
				return [`\tif (typeof x !== 'string') return FAIL;`, '\tconst out = x;', finish].join('\n');
			case 'number':
				return [
					`\tif (typeof x !== 'number' || !Number.isFinite(x)) return FAIL;`,
					'\tconst out = x;',
					finish
				].join('\n');
			case 'boolean':
				return [`\tif (typeof x !== 'boolean') return FAIL;`, '\tconst out = x;', finish].join(
					'\n'
				);
			case 'unknown':
				return ['\tconst out = x;', finish].join('\n');
			case 'literal':
				return [
					`\tif (!(${def.values!.map((v) => `x === ${JSON.stringify(v)}`).join(' || ')})) return FAIL;`,
					'\tconst out = x;',
					finish
				].join('\n');
			case 'enum':
				return [
					`\tif (!${JSON.stringify(Object.values(def.entries!))}.includes(x)) return FAIL;`,
					'\tconst out = x;',
					finish
				].join('\n');
			case 'optional':
				return `\treturn x === undefined ? undefined : ${fnFor(def.innerType!, path)}(x);`;
			case 'array': {
				const element = fnFor(def.element!, `${path}[]`);
				return [
					'\tif (!Array.isArray(x)) return FAIL;',
					'\tconst out: any[] = [];',
					'\tfor (let i = 0; i < x.length; i++) {',
					`\t\tconst r = ${element}(x[i]);`,
					'\t\tif (r === FAIL) return FAIL;',
					'\t\tout.push(r);',
					'\t}',
					finish
				].join('\n');
			}
			case 'record': {
				if (keyTypeOf(def) !== 'string')
					throw new Error(`${path}: only records keyed by z.string() are supported`);
				const value = fnFor(def.valueType!, `${path}{}`);
				return [
					'\tif (!isPlainObject(x)) return FAIL;',
					'\tconst out: any = {};',
					'\tfor (const key of Object.keys(x)) {',
					`\t\tconst r = ${value}(x[key]);`,
					'\t\tif (r === FAIL) return FAIL;',
					'\t\tset(out, key, r);',
					'\t}',
					finish
				].join('\n');
			}
			case 'object': {
				const lines = [
					'\tif (typeof x !== "object" || x === null || Array.isArray(x)) return FAIL;',
					'\tconst out: any = {};',
					'\tlet r;'
				];
				for (const [key, field] of Object.entries(def.shape!)) {
					const k = JSON.stringify(key);
					lines.push(
						`\tr = ${fnFor(field, `${path}.${key}`)}(x[${k}]);`,
						'\tif (r === FAIL) return FAIL;',
						field._zod.def.type === 'optional'
							? `\tif (r !== undefined) out[${k}] = r;`
							: `\tout[${k}] = r;`
					);
				}
				return [...lines, finish].join('\n');
			}
			case 'union': {
				if (!def.discriminator) throw new Error(`${path}: only discriminated unions are supported`);
				const d = JSON.stringify(def.discriminator);
				const cases = def.options!.map((option) => {
					const tag = option._zod.def.shape![def.discriminator!]!._zod.def.values!;
					return `\tif (${tag.map((t) => `tag === ${JSON.stringify(t)}`).join(' || ')}) return ${fnFor(option, `${path}<${String(tag[0])}>`)}(x);`;
				});
				if (checksOf(def, path).length)
					throw new Error(`${path}: checks on a union are not supported`);
				return [
					'\tif (typeof x !== "object" || x === null || Array.isArray(x)) return FAIL;',
					`\tconst tag = x[${d}];`,
					...cases,
					'\treturn FAIL;'
				].join('\n');
			}
		}
		throw new Error(`${path}: zod type "${def.type}" is not supported by the generator`);
	};

	const keyTypeOf = (def: Def) =>
		def.keyType!._zod.def.type === 'string' && !def.keyType!._zod.def.checks?.length
			? 'string'
			: 'other';

	const exports = options.specs.map(({ name, schema, type }) => {
		const fn = fnFor(schema as unknown as Schema, name);
		return [
			`/** Checks a value as the zod schema for ${type} would: a copy of it without unknown keys, or failure. */`,
			`export function ${name}(value: unknown): { success: true; data: ${type} } | { success: false } {`,
			`\tconst data = ${fn}(value);`,
			'\treturn data === FAIL ? { success: false } : { success: true, data };',
			'}'
		].join('\n');
	});
	const types = options.specs.map((s) => s.type).join(', ');
	return [
		`// Generated by ${options.generatedBy}: do not edit. Run \`npm run build\` (or that script) to update it.`,
		'/* eslint-disable @typescript-eslint/no-explicit-any */',
		`import * as rules from '${options.rulesFrom}';`,
		`import type { ${types} } from '${options.typesFrom}';`,
		'',
		'const FAIL = Symbol("invalid");',
		'',
		"/** zod's own test of a record: an object made as `{}` or `Object.create(null)` would make it. */",
		'function isPlainObject(x: any): boolean {',
		'\tif (typeof x !== "object" || x === null || Array.isArray(x)) return false;',
		'\tconst ctor = x.constructor;',
		'\tif (ctor === undefined || typeof ctor !== "function") return true;',
		'\tconst proto = ctor.prototype;',
		'\tif (typeof proto !== "object" || proto === null || Array.isArray(proto)) return false;',
		'\treturn Object.prototype.hasOwnProperty.call(proto, "isPrototypeOf");',
		'}',
		'',
		'/** Sets a key as an own property, even "__proto__". */',
		'function set(out: object, key: string, value: unknown) {',
		'\tObject.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });',
		'}',
		'',
		...functions.map((f) => `${f}\n`),
		exports.join('\n\n'),
		''
	].join('\n');
}
