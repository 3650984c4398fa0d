import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import { ContentError, formatProblem, type ContentProblem } from '../../src/lib/content/problems';
import { bankSchema } from '../../src/lib/content/schema';
import { discrepancyIds, discrepancyTags } from '../../src/lib/content/stats';
import {
	COMPARE_YAML,
	lineContaining,
	makeContentDir,
	moduleYaml,
	SEMINAR_TOPIC_YAML,
	TOPIC_YAML
} from '../helpers/content-dir';

function problemsOf(root: string): ContentProblem[] {
	try {
		loadBank(root);
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	throw new Error('expected the content to be rejected');
}

describe('loading a content folder', () => {
	it('accepts valid content and anchors every citation', () => {
		const bank = loadBank(makeContentDir());
		expect(bank.questions.map((q) => q.id)).toEqual(['fix-01', 'fix-02']);
		const [q] = bank.questions;
		expect(q?.topic).toBe('fixture');
		const readwrite = bank.sources.find((s) => s.id === 'readwrite-2024-11')!.text;
		const first = q!.citations[0]!;
		expect(first.start).toBe(readwrite.indexOf('OpenAI had provided'));
		expect(first.anchor).toBe(`p${first.start}-${first.end}`);
		const duplicated = bank.questions[1]?.citations[0];
		const text = bank.sources.find((s) => s.id === 'unattributed-mid-article')!.text;
		expect(Array.from(text).slice(duplicated!.start, duplicated!.end).join('')).toBe(
			duplicated!.exact
		);
		expect(text.indexOf(duplicated!.exact)).toBeLessThan(duplicated!.start);
	});

	it('builds a bank that fits the schema its type is inferred from', () => {
		const bank = loadBank(makeContentDir());
		expect(bankSchema.parse(bank)).toEqual(bank);
	});

	it('rejects a straightened quote with file, line, question, citation and the near-match', () => {
		const broken = TOPIC_YAML.replace('exact: “Hundreds', 'exact: \'"Hundreds').replace(
			'bug testing\n',
			"bug testing'\n"
		);
		const [problem, ...rest] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({
			line: lineContaining(broken, `exact: '"Hundreds`),
			questionId: 'fix-01',
			path: ['questions', 0, 'citations', 1, 'exact']
		});
		expect(problem?.file).toMatch(/fixture\.yaml$/);
		expect(problem?.message).toContain('citation 2 (source readwrite-2024-11): quote not found');
		expect(problem?.message).toContain('the source has "“" where the quote has "\\""');
		expect(formatProblem(problem!)).toMatch(
			/fixture\.yaml:\d+: q fix-01: questions\[0\]\.citations\[1\]\.exact: citation 2/
		);
	});

	it('anchors a topic’s seminar readings like citations, keeping their notes', () => {
		const bank = loadBank(makeContentDir({ 'fixture.yaml': SEMINAR_TOPIC_YAML }));
		const readings = bank.topics[0]?.seminar?.readings ?? [];
		expect(readings.map((r) => r.note)).toEqual(['The offer.', 'The charge.', 'The repeat.']);
		const text = bank.sources.find((s) => s.id === 'readwrite-2024-11')!.text;
		expect(readings[0]?.start).toBe(text.indexOf('OpenAI had provided'));
		expect(readings[0]?.anchor).toBe(`p${readings[0]?.start}-${readings[0]?.end}`);
		expect(bankSchema.parse(bank)).toEqual(bank);
	});

	it('rejects a seminar reading that is not in its source, with file, line and reading number', () => {
		const broken = SEMINAR_TOPIC_YAML.replace(
			'exact: “Hundreds of artists',
			'exact: “Thousands of artists'
		);
		const [problem, ...rest] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({
			line: lineContaining(broken, 'exact: “Thousands of artists'),
			path: ['topic', 'seminar', 'readings', 1, 'exact']
		});
		expect(formatProblem(problem!)).toMatch(
			/fixture\.yaml:\d+: topic\.seminar\.readings\[1\]\.exact: reading 2 \(source readwrite-2024-11\): quote not found/
		);
	});

	it('rejects a seminar guide with fewer than three discussion questions', () => {
		const broken = SEMINAR_TOPIC_YAML.replace('      - Is it still work?\n', '');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem?.path).toEqual(['topic', 'seminar', 'discussion']);
		expect(problem?.line).toBe(lineContaining(broken, '- Was the access a fair exchange?'));
	});

	it('rejects an ambiguous quote from a duplicated paragraph', () => {
		const broken = TOPIC_YAML.replace('        prefix: "public.\\n"\n', '');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem?.message).toMatch(/the quote occurs 2 times \(offsets \d+, \d+\)/);
		expect(problem?.questionId).toBe('fix-02');
	});

	it('rejects an unknown source and lists the known ones', () => {
		const broken = TOPIC_YAML.replace('source: unattributed-mid-article', 'source: techcrunch');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem?.message).toContain('unknown source "techcrunch" (known: readwrite-2024-11,');
		expect(problem?.line).toBe(lineContaining(broken, 'source: techcrunch'));
	});

	it('rejects a question id used twice, pointing at the first use', () => {
		const second = TOPIC_YAML.replace('id: fixture', 'id: fixture-two')
			.replace('order: 1', 'order: 2')
			.replace(/fix-o/g, 'two-o')
			.replace('id: fix-02', 'id: two-02');
		const problems = problemsOf(makeContentDir({ 'second.yaml': second }));
		expect(problems.map(formatProblem)).toEqual([
			expect.stringMatching(
				new RegExp(
					`second\\.yaml:\\d+: q fix-01: questions\\[0\\]\\.id: id already used at .*fixture\\.yaml:${lineContaining(TOPIC_YAML, 'id: fix-01')}$`
				)
			)
		]);
	});

	it('refuses a "my-" question id, which is kept for questions instructors write in the browser', () => {
		const broken = TOPIC_YAML.replace('id: fix-02', 'id: my-abc123');
		const problems = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problems).toEqual([
			expect.objectContaining({
				line: lineContaining(broken, 'id: my-abc123'),
				questionId: 'my-abc123',
				message: expect.stringMatching(
					/^ids starting with "my-" are kept for questions instructors write/
				)
			})
		]);
	});

	it('rejects an objective that belongs to no objective of the topic', () => {
		const broken = TOPIC_YAML.replace('objective: fix-o2', 'objective: fix-o9');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem?.message).toBe(
			'objective "fix-o9" is not one of topic fixture\'s (fix-o1, fix-o2)'
		);
	});

	it('reports schema errors with the line and the question id', () => {
		const broken = TOPIC_YAML.replace('difficulty: core', 'difficulty: easy');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem).toMatchObject({
			line: lineContaining(broken, 'difficulty: easy'),
			questionId: 'fix-02',
			path: ['questions', 1, 'difficulty']
		});
	});

	it('reports YAML syntax errors with their line', () => {
		const broken = TOPIC_YAML.replace('    prompt: What does', '    prompt: "What does');
		const [problem] = problemsOf(makeContentDir({ 'fixture.yaml': broken }));
		expect(problem?.message).toMatch(/^YAML: /);
		expect(problem?.line).toBeGreaterThan(0);
	});

	it('rejects a source copy that no longer matches its recorded hash', () => {
		const root = makeContentDir();
		appendFileSync(join(root, 'sources', '001_50b536b571c994a0.txt'), '\n');
		const [problem] = problemsOf(root);
		expect(problem?.message).toContain('001_50b536b571c994a0.txt has SHA-256');
		expect(problem?.message).toContain('source copies must stay byte-exact');
	});
});

describe('the module file', () => {
	it('gives the bank its copy, with the title capitalised as a heading', () => {
		const { module } = loadBank(makeContentDir());
		expect(module.title).toBe('the fixture case');
		expect(module.heading).toBe('The fixture case');
		expect(module.pages.home.lede).toBe('What the fixture module is about.');
	});

	it('rejects a topic file it does not list, naming the file', () => {
		const root = makeContentDir({
			'module.yaml': moduleYaml(['fixture.yaml']),
			'second.yaml': TOPIC_YAML
		});
		expect(problemsOf(root).map(formatProblem)).toEqual([
			expect.stringMatching(
				/second\.yaml: a topic file that .*module\.yaml does not list under topics$/
			)
		]);
	});

	it('rejects a listed topic file that does not exist, at its line in module.yaml', () => {
		const text = moduleYaml(['fixture.yaml', 'missing.yaml']);
		const [problem, ...rest] = problemsOf(makeContentDir({ 'module.yaml': text }));
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({
			line: lineContaining(text, 'missing.yaml'),
			path: ['topics', 1]
		});
		expect(problem?.file).toMatch(/module\.yaml$/);
		expect(problem?.message).toMatch(/^topic file .*missing\.yaml is missing$/);
	});

	it('reports missing copy with its line', () => {
		const text = moduleYaml(['fixture.yaml']).replace('shortTitle: the fixture\n', '');
		const [problem] = problemsOf(makeContentDir({ 'module.yaml': text }));
		expect(problem).toMatchObject({ path: ['shortTitle'], line: 1 });
	});
});

describe('a second case study', () => {
	it('loads from new files alone: its own sources, topics and discrepancy ids', () => {
		const sources = parse(readFileSync('questions/sources/sources.yaml', 'utf8')) as {
			sources: { id: string }[];
		};
		const kept = ['readwrite-2024-11', 'ars-technica-2024-11-27', 'unattributed-mid-article'];
		const compare = COMPARE_YAML.replace('id: d16', 'id: pause-scope');
		const topic = TOPIC_YAML.replace(
			'objective: fix-o1\n',
			'objective: fix-o1\n    tags: [pause-scope, memo]\n'
		);
		const bank = loadBank(
			makeContentDir({
				'sources/sources.yaml': stringify({
					sources: sources.sources.filter((s) => kept.includes(s.id))
				}),
				'module.yaml': moduleYaml(['other-case.yaml']).replace('the fixture case', 'another case'),
				'fixture.yaml': null,
				'other-case.yaml': topic,
				'compare.yaml': compare
			})
		);
		expect(bank.module.heading).toBe('Another case');
		expect(bank.sources.map((s) => s.id)).toEqual(kept);
		expect(bank.comparisons.map((c) => c.id)).toEqual(['pause-scope']);
		const ids = discrepancyIds(bank);
		expect(bank.questions.map((q) => discrepancyTags(q, ids))).toEqual([['pause-scope'], []]);
	});
});

describe('the project copies of the sources', () => {
	const recorded = parse(readFileSync('questions/sources/sources.yaml', 'utf8')) as {
		sources: { file: string; sha256: string }[];
	};

	it('match the SHA-256 recorded for each', () => {
		expect(recorded.sources.length).toBeGreaterThan(0);
		for (const { file, sha256 } of recorded.sources) {
			const bytes = readFileSync(join('questions/sources', file));
			expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sha256);
		}
	});

	const seeds = '../shared/seeds';
	it.runIf(existsSync(seeds))(
		'are byte-identical to ../shared/seeds where that folder exists',
		() => {
			for (const { file } of recorded.sources) {
				expect(
					readFileSync(join('questions/sources', file)).equals(readFileSync(join(seeds, file))),
					file
				).toBe(true);
			}
		}
	);
});

describe('the README', () => {
	it('shows an example question that the loader accepts as written', () => {
		const readme = readFileSync('README.md', 'utf8');
		const example = /```yaml\n(- id: comp-18[\s\S]*?)```/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const topic = TOPIC_YAML.split('questions:\n')[0]!.replace('id: fix-o2', 'id: comp-o2');
		const bank = loadBank(makeContentDir({ 'fixture.yaml': `${topic}questions:\n${example}` }));
		expect(bank.questions.map((q) => q.id)).toEqual(['comp-18']);
	});
});
