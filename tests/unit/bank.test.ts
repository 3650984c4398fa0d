import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import {
	countBy,
	discrepancyIds,
	discrepancyTags,
	sourcesCited
} from '../../src/lib/content/stats';
import { difficulties } from '../../src/lib/content/schema';

// The real bank in questions/: these are the minimums, so a later edit cannot quietly drop below them.
// Topic and discrepancy ids come from the bank itself; the counts are this module's.
const bank = loadBank();
const { questions } = bank;

describe('the question bank', () => {
	it('has at least 96 questions with unique ids', () => {
		expect(questions.length).toBeGreaterThanOrEqual(96);
		expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
	});

	it('has the eight topics, 16+ questions in each of the first three and 8+ in the rest', () => {
		const ids = bank.topics.map((t) => t.id);
		expect(ids).toHaveLength(8);
		const counts = countBy(questions, (q) => q.topic, ids);
		for (const [topic, n] of Object.entries(counts))
			expect(n, topic).toBeGreaterThanOrEqual(ids.slice(0, 3).includes(topic) ? 16 : 8);
	});

	it('uses every kind well: 10+ each of multiple, true-false, ordering and matching', () => {
		const kinds = countBy(questions, (q) => q.kind, [
			'single',
			'multiple',
			'true-false',
			'ordering',
			'matching'
		]);
		for (const kind of ['multiple', 'true-false', 'ordering', 'matching'] as const)
			expect(kinds[kind], kind).toBeGreaterThanOrEqual(10);
	});

	it('puts at least 20% of the questions at each difficulty', () => {
		const levels = countBy(questions, (q) => q.difficulty, difficulties);
		for (const level of difficulties)
			expect(levels[level] / questions.length, level).toBeGreaterThanOrEqual(0.2);
	});

	it('has 24+ cross-source questions that together teach all sixteen discrepancies', () => {
		const cross = questions.filter((q) => sourcesCited(q).size >= 2);
		expect(cross.length).toBeGreaterThanOrEqual(24);
		const ids = discrepancyIds(bank);
		expect(ids.size).toBe(16);
		expect(new Set(cross.flatMap((q) => discrepancyTags(q, ids)))).toEqual(ids);
	});

	it('quotes every cited passage character for character at its recorded offsets', () => {
		const texts = new Map(bank.sources.map((s) => [s.id, Array.from(s.text)]));
		const citations = [
			...questions.flatMap((q) => q.citations),
			...bank.glossary.flatMap((t) => t.citations)
		];
		for (const c of citations)
			expect(texts.get(c.source)!.slice(c.start, c.end).join('')).toBe(c.exact);
	});

	it('uses every learning objective of every topic', () => {
		for (const topic of bank.topics)
			for (const objective of topic.objectives)
				expect(
					questions.some((q) => q.objective === objective.id),
					objective.id
				).toBe(true);
	});
});

describe('the quality rules', () => {
	const choiceQuestions = questions.flatMap((q) =>
		q.kind === 'single' || q.kind === 'multiple' ? [q] : []
	);

	it('spreads the right answer of single-answer questions over the positions', () => {
		const positions = questions.flatMap((q) =>
			q.kind === 'single' ? [q.options.findIndex((o) => o.correct)] : []
		);
		for (const position of new Set(positions)) {
			const share = positions.filter((p) => p === position).length / positions.length;
			expect(share, `position ${position + 1}`).toBeLessThanOrEqual(0.4);
		}
	});

	it('balances true and false answers', () => {
		const tf = questions.flatMap((q) => (q.kind === 'true-false' ? [q.answer] : []));
		const share = tf.filter(Boolean).length / tf.length;
		expect(share).toBeGreaterThanOrEqual(0.35);
		expect(share).toBeLessThanOrEqual(0.65);
	});

	it('gives every option specific feedback, never a bare "Incorrect"', () => {
		for (const q of choiceQuestions)
			for (const o of q.options) {
				expect(o.feedback.length, `${q.id}/${o.id}`).toBeGreaterThanOrEqual(25);
				expect(o.feedback, `${q.id}/${o.id}`).not.toMatch(/^(in)?correct\.?$/i);
			}
	});

	it('has no "all of the above" or "none of the above" options', () => {
		const lazy = choiceQuestions.flatMap((q) =>
			q.options
				.filter((o) => /\b(all|none) of the above\b/i.test(o.text))
				.map((o) => `${q.id}/${o.id}`)
		);
		expect(lazy).toEqual([]);
	});

	it('defines 14+ glossary terms, each with a cited use', () => {
		expect(bank.glossary.length).toBeGreaterThanOrEqual(14);
		for (const term of bank.glossary)
			expect(term.citations.length, term.id).toBeGreaterThanOrEqual(1);
	});
});
