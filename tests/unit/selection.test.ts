import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/lib/quiz/layout';
import { parseQuizSpec, quizQuery, type QuizSpec } from '../../src/lib/quiz/link';
import { selectQuestions } from '../../src/lib/quiz/selection';
import {
	matchingQuestion,
	oneOfEachKind,
	orderingQuestion,
	singleQuestion
} from '../helpers/questions';

const bank = Array.from({ length: 30 }, (_, i) =>
	singleQuestion({
		id: `q-${i}`,
		topic: i % 3 === 0 ? 'art-washing' : 'compensation',
		difficulty: (['intro', 'core', 'advanced'] as const)[i % 3]!
	})
);
const spec = (over: Partial<QuizSpec>): QuizSpec & { seed: string } => ({
	scope: { kind: 'all' },
	difficulty: 'any',
	mode: 'practice',
	seed: 'abc123',
	shuffleOptions: true,
	shuffleQuestions: true,
	...over
});

describe('reading a quiz from its link', () => {
	it('reads a topic, level, mode and seed', () => {
		const { spec: s, problems } = parseQuizSpec(
			new URLSearchParams('topic=compensation&level=core&mode=test&seed=k3x9')
		);
		expect(problems).toEqual([]);
		expect(s).toMatchObject({
			scope: { kind: 'topic', topic: 'compensation' },
			difficulty: 'core',
			mode: 'test',
			seed: 'k3x9'
		});
	});

	it('defaults to the whole module in practice mode', () => {
		expect(parseQuizSpec(new URLSearchParams('')).spec).toMatchObject({
			scope: { kind: 'all' },
			mode: 'practice',
			seed: undefined
		});
	});

	it('reports values it cannot use instead of failing', () => {
		const { spec: s, problems } = parseQuizSpec(
			new URLSearchParams('mixed=7&mode=exam&level=hard&seed=<script>')
		);
		expect(s).toMatchObject({
			scope: { kind: 'mixed', count: 10 },
			mode: 'practice',
			difficulty: 'any',
			seed: undefined
		});
		expect(problems).toHaveLength(4);
		expect(problems[0]).toContain('5, 10 or 20');
	});

	it('round-trips through its own query string', () => {
		const original = spec({
			scope: { kind: 'ids', ids: ['comp-01', 'wash-02'] },
			mode: 'test',
			shuffleOptions: false,
			title: 'Week 3',
			instructions: 'Answer alone; 10 minutes.'
		});
		const again = parseQuizSpec(
			new URLSearchParams(quizQuery({ ...original, shuffleQuestions: false }))
		);
		expect(again.spec).toEqual({ ...original, shuffleQuestions: false });
	});
});

describe('choosing the questions', () => {
	it('refuses an over-long title or note and a mixed size that is not plain digits, saying so', () => {
		const params = new URLSearchParams({
			mixed: '1e1',
			title: 'T'.repeat(201),
			note: 'N'.repeat(1001)
		});
		const { spec, problems } = parseQuizSpec(params);
		expect(spec.title).toBeUndefined();
		expect(spec.instructions).toBeUndefined();
		expect(problems).toEqual([
			'Mixed practice comes in 5, 10 or 20 questions, not "1e1"; using 10.',
			'The link’s title is 201 characters long, over the 200 a link may carry, so it is left out.',
			'The link’s instructions are 1,001 characters long, over the 1,000 a link may carry, so they are left out.'
		]);
		expect(parseQuizSpec(new URLSearchParams('mixed=0x14')).problems).toHaveLength(1);
		const fits = parseQuizSpec(new URLSearchParams({ title: 'T'.repeat(200), mixed: '20' }));
		expect(fits).toMatchObject({ spec: { title: 'T'.repeat(200) }, problems: [] });
	});

	it('gives the same mixed set for the same seed, and another for another seed', () => {
		const a = selectQuestions(bank, spec({ scope: { kind: 'mixed', count: 10 } })).questions.map(
			(q) => q.id
		);
		const b = selectQuestions(bank, spec({ scope: { kind: 'mixed', count: 10 } })).questions.map(
			(q) => q.id
		);
		const c = selectQuestions(
			bank,
			spec({ scope: { kind: 'mixed', count: 10 }, seed: 'other' })
		).questions.map((q) => q.id);
		expect(a).toHaveLength(10);
		expect(b).toEqual(a);
		expect(c).not.toEqual(a);
	});

	it('keeps a topic quiz to its topic and difficulty, ramping from intro to advanced', () => {
		const all = selectQuestions(
			bank,
			spec({ scope: { kind: 'topic', topic: 'compensation' } })
		).questions;
		expect(all.every((q) => q.topic === 'compensation')).toBe(true);
		expect(all.map((q) => q.difficulty)).toEqual(
			[...all.map((q) => q.difficulty)].sort(
				(x, y) =>
					['intro', 'core', 'advanced'].indexOf(x) - ['intro', 'core', 'advanced'].indexOf(y)
			)
		);
		const core = selectQuestions(bank, spec({ difficulty: 'core' })).questions;
		expect(core.length).toBe(10);
		expect(core.every((q) => q.difficulty === 'core')).toBe(true);
	});

	it('keeps an id list in order and reports ids the bank does not have', () => {
		const result = selectQuestions(
			bank,
			spec({ scope: { kind: 'ids', ids: ['q-5', 'gone-99', 'q-1'] }, shuffleQuestions: false })
		);
		expect(result.questions.map((q) => q.id)).toEqual(['q-5', 'q-1']);
		expect(result.unknownIds).toEqual(['gone-99']);
	});
});

describe('laying out a question', () => {
	it('shuffles options the same way every time for one seed', () => {
		const q = oneOfEachKind()[0]!;
		expect(layoutOf(q, 's1', true)).toEqual(layoutOf(q, 's1', true));
		expect(layoutOf(q, 's1', false).options).toEqual(['a', 'b', 'c']);
	});

	it('never starts an ordering question in the right order', () => {
		const q = orderingQuestion();
		for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) {
			expect(layoutOf(q, seed, true).items).not.toEqual(q.items.map((i) => i.id));
		}
	});

	it('offers every right-hand answer of a matching question once', () => {
		expect([...layoutOf(matchingQuestion(), 'x', true).rights].sort()).toEqual([
			'p16',
			'p20',
			'p300'
		]);
	});
});
