import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { packJsonSchema } from '../../src/lib/content/pack-json-schema';
import { packSchema } from '../../src/lib/content/schema';

test('build/packs/all.json is a valid pack holding the whole bank', () => {
	const pack = packSchema.parse(JSON.parse(readFileSync('build/packs/all.json', 'utf8')));
	expect(pack.id).toBe('all');
	expect(new Set(pack.questions.map((q) => q.topic)).size).toBe(pack.topics.length);
	expect(pack.sources).toHaveLength(5);
});

test('build/schema/pack-v1.json is the JSON Schema generated from the zod pack schema', () => {
	const served = JSON.parse(readFileSync('build/schema/pack-v1.json', 'utf8'));
	expect(served).toEqual(packJsonSchema());
	expect(served.properties.questions.type).toBe('array');
	expect(served.required).toEqual(
		expect.arrayContaining(['schemaVersion', 'questions', 'sources'])
	);
});
