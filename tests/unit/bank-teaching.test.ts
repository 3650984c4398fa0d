import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import type { Question } from '../../src/lib/content/schema';
import { levels, type CognitiveLevel } from '../../src/lib/content/vocabulary';

// The teaching rules of this module's bank (issue 10): levels, case-transfer questions, written
// arguments, and no answer cues a test-wise student could use instead of reading.
const bank = loadBank();
const { questions } = bank;
const CORE_TOPICS = ['compensation', 'art-washing', 'confidentiality'];
const HIGHER: readonly CognitiveLevel[] = ['apply', 'analyse', 'evaluate'];
const inTopic = (topic: string) => questions.filter((q) => q.topic === topic);
const isCore = (topic: string) => CORE_TOPICS.includes(topic);

describe('teaching depth', () => {
	it('has 140+ questions, 24+ in each core topic and 12+ in every other', () => {
		expect(questions.length).toBeGreaterThanOrEqual(140);
		for (const { id } of bank.topics)
			expect(inTopic(id).length, id).toBeGreaterThanOrEqual(isCore(id) ? 24 : 12);
	});

	it('puts 40%+ of each core topic and 30%+ of every other at apply, analyse or evaluate', () => {
		for (const { id } of bank.topics) {
			const mine = inTopic(id);
			const higher = mine.filter((q) => q.level && HIGHER.includes(q.level)).length;
			expect(higher / mine.length, id).toBeGreaterThanOrEqual(isCore(id) ? 0.4 : 0.3);
		}
	});

	it('gives every question a cognitive level, and uses every level', () => {
		expect(questions.filter((q) => !q.level).map((q) => q.id)).toEqual([]);
		expect(new Set(questions.map((q) => q.level))).toEqual(new Set(levels));
	});

	it('asks 8+ case-transfer questions in each core topic and 3+ in every other, each above recall and understanding', () => {
		for (const { id } of bank.topics) {
			const cases = inTopic(id).filter((q) => q.scenario);
			expect(cases.length, id).toBeGreaterThanOrEqual(isCore(id) ? 8 : 3);
			for (const q of cases) expect(q.level && HIGHER.includes(q.level), q.id).toBe(true);
		}
	});

	it('has at least three items in which an unattributed document is the better-sourced one', () => {
		const items = questions.filter((q) => q.tags.includes('unattributed-stronger'));
		expect(items.length).toBeGreaterThanOrEqual(3);
		for (const q of items)
			expect(
				q.citations.some((c) => c.source.startsWith('unattributed-')),
				q.id
			).toBe(true);
	});
});

describe('seminar guides', () => {
	it('gives every topic a seminar guide with discussion questions, anchored readings and essay prompts', () => {
		for (const topic of bank.topics) {
			const seminar = topic.seminar;
			expect(seminar, topic.id).toBeDefined();
			expect(seminar!.discussion.length, topic.id).toBeGreaterThanOrEqual(3);
			expect(seminar!.readings.length, topic.id).toBeGreaterThanOrEqual(3);
			for (const r of seminar!.readings) expect(r.anchor, `${topic.id}: ${r.exact}`).toBeTruthy();
			expect(
				inTopic(topic.id).some((q) => q.kind === 'essay'),
				topic.id
			).toBe(true);
		}
	});
});

describe('no answer cues', () => {
	const singles = questions.flatMap((q) => (q.kind === 'single' ? [q] : []));

	it('makes the key the strictly longest option in at most 30% of single-answer questions', () => {
		const longest = singles.filter((q) => {
			const key = q.options.find((o) => o.correct)!;
			return q.options.every((o) => o === key || o.text.length < key.text.length);
		});
		expect(longest.length / singles.length).toBeLessThanOrEqual(0.3);
	});

	it('balances key positions: no position holds more than 35% of single-answer keys', () => {
		const positions = singles.map((q) => q.options.findIndex((o) => o.correct));
		for (const position of new Set(positions)) {
			const share = positions.filter((p) => p === position).length / positions.length;
			expect(share, `position ${position + 1}`).toBeLessThanOrEqual(0.35);
		}
	});

	it('keys True and False each in 40–60% of true/false items', () => {
		const answers = questions.flatMap((q) => (q.kind === 'true-false' ? [q.answer] : []));
		const share = answers.filter(Boolean).length / answers.length;
		expect(share).toBeGreaterThanOrEqual(0.4);
		expect(share).toBeLessThanOrEqual(0.6);
	});

	it('never asks the same stem with the same key twice', () => {
		const keyOf = (q: Question) => JSON.stringify([q.prompt.trim().toLowerCase(), keyText(q)]);
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const q of questions) {
			const key = keyOf(q);
			if (seen.has(key)) twice.push(`${seen.get(key)} = ${q.id}`);
			seen.set(key, q.id);
		}
		expect(twice).toEqual([]);
	});
});

/** The answer key of a question as text, for comparing questions. */
function keyText(q: Question): string {
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return q.options
				.filter((o) => o.correct)
				.map((o) => o.text)
				.join('|');
		case 'true-false':
			return String(q.answer);
		case 'ordering':
			return q.items.map((i) => i.text).join('|');
		case 'matching':
			return q.pairs.map((p) => `${p.left}=${p.right}`).join('|');
		case 'essay':
			return q.modelAnswer;
	}
}
