import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkTopicFile, loadBank } from '../../src/lib/content/load';
import { formatProblem } from '../../src/lib/content/problems';
import { questionKinds, topicFileSchema, type Question } from '../../src/lib/content/schema';
import type { AuthoredEntry } from '../../src/lib/instructor/authored';
import { authoredForm, authoredTopicYaml, nextIds } from '../../src/lib/instructor/authored-yaml';

const bank = loadBank();
const dir = mkdtempSync(join(tmpdir(), 'sourced-yaml-'));
const NOW = '2026-12-02T10:00:00.000Z';

/** One of the instructor's own questions of each kind, each a reworded copy of a bank question. */
function ownOfEachKind(topic: string): AuthoredEntry[] {
	return questionKinds.map((kind, i) => {
		const original = bank.questions.find((q) => q.kind === kind)!;
		const id = `my-kind${i}`;
		return {
			id,
			savedAt: NOW,
			editedFrom: original.id,
			valid: true,
			// Reworded, and moved to one topic, with an objective of that topic.
			question: {
				...original,
				id,
				topic,
				objective: bank.topics.find((t) => t.id === topic)!.objectives[0]!.id,
				prompt: `${original.prompt} (reworded: “curly quotes” and a colon: kept)`
			} as Question
		};
	});
}

describe('Download as YAML', () => {
	const topic = bank.topics.find((t) => t.id === 'compensation')!;
	const heading = {
		id: topic.id,
		order: topic.order,
		title: topic.title,
		intro: topic.intro,
		objectives: topic.objectives
	};
	const entries = ownOfEachKind('compensation');
	const text = authoredTopicYaml(heading, entries, bank.questions);

	it('writes a topic file of every kind that the CLI validates as it is', () => {
		const file = join(dir, 'compensation.mine.yaml');
		writeFileSync(file, text);
		expect(checkTopicFile(file).map(formatProblem)).toEqual([]);
	});

	it('reads back, with the loader’s YAML reading, exactly the questions the instructor wrote', () => {
		const data = topicFileSchema.parse(load(text, { schema: CORE_SCHEMA }));
		expect(data.questions.map((q) => q.kind)).toEqual([...questionKinds]);
		const { prefix, next } = nextIds('compensation', bank.questions);
		data.questions.forEach((q, i) => {
			const id = `${prefix}-${next + i}`;
			expect(q.id).toBe(id);
			const { topic: _topic, ...expected } = entries[i]!.question as Question;
			expect(q).toEqual({
				...expected,
				id,
				citations: expected.citations.map(({ start: _s, end: _e, anchor: _a, ...c }) => c)
			});
		});
	});

	it('gives each question the next free id of its topic, noting the browser id and the original', () => {
		const { prefix, next } = nextIds('compensation', bank.questions);
		expect(prefix).toBe('comp');
		expect(bank.questions.some((q) => q.id === `comp-${next - 1}`)).toBe(true);
		expect(bank.questions.some((q) => q.id === `comp-${next}`)).toBe(false);
		expect(text).toContain(
			`# Written in the browser as my-kind0, edited from ${entries[0]!.editedFrom}`
		);
		expect(text).not.toMatch(/\bmy-kind\d+\b(?!, edited)/);
	});

	it('writes keys in the order of the bank’s files, options marking only the correct ones', () => {
		const form = authoredForm(entries[0]!.question as Question, 'comp-99');
		expect(Object.keys(form).slice(0, 3)).toEqual(['id', 'kind', 'difficulty']);
		expect(Object.keys(form).at(-1)).toBe('citations');
		expect(
			(form.options as object[]).every(
				(o) => !('correct' in o) || (o as { correct: boolean }).correct
			)
		).toBe(true);
	});

	it('lists the questions oldest first, as written, though the browser keeps them newest first', () => {
		const [first, second, third] = ownOfEachKind('compensation');
		const dated = (e: AuthoredEntry, savedAt: string) => ({ ...e, savedAt });
		const newestFirst = [
			dated(third!, '2026-12-02T10:03:00.000Z'),
			dated(second!, '2026-12-02T10:02:00.000Z'),
			dated(first!, '2026-12-02T10:01:00.000Z')
		];
		const data = topicFileSchema.parse(
			load(authoredTopicYaml(heading, newestFirst, bank.questions), { schema: CORE_SCHEMA })
		);
		const { prefix, next } = nextIds('compensation', bank.questions);
		expect(data.questions.map((q) => [q.id, q.prompt])).toEqual(
			[first!, second!, third!].map((e, i) => [`${prefix}-${next + i}`, e.question.prompt])
		);
	});

	it('leaves out drafts and questions of other topics', () => {
		const other = ownOfEachKind('art-washing').slice(0, 1);
		const draft: AuthoredEntry = {
			id: 'my-draft',
			savedAt: NOW,
			valid: false,
			question: { kind: 'single' }
		};
		const only = authoredTopicYaml(
			heading,
			[...entries.slice(0, 1), ...other, draft],
			bank.questions
		);
		expect(topicFileSchema.parse(load(only, { schema: CORE_SCHEMA })).questions).toHaveLength(1);
	});

	it('is refused by the CLI if an id is already in the bank, naming the line', () => {
		const file = join(dir, 'clash.yaml');
		const clash = text.replace(/id: comp-\d+\n/, 'id: comp-01\n');
		writeFileSync(file, clash);
		const [problem] = checkTopicFile(file);
		expect(formatProblem(problem!)).toMatch(
			/clash\.yaml:\d+: q comp-01: questions\[0\]\.id: id already used by a question in questions/
		);
	});
});
