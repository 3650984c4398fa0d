import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lib/content/load';
import type { Question } from '../../src/lib/content/schema';
import { seminarGuide, suggestedQuiz } from '../../src/lib/print/seminar';
import { parseQuizSpec } from '../../src/lib/quiz/link';
import { estimateMinutes } from '../../src/lib/quiz/timing';
import {
	essayQuestion,
	matchingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

const bank = loadBank();

/** Questions of one level each: `n` single-answer questions at `level`, ids `<level>-<i>`. */
const atLevel = (level: Question['level'], n: number) =>
	Array.from({ length: n }, (_, i) => singleQuestion({ id: `${level}-${i}`, level }));

describe('the suggested ten-minute quiz', () => {
	it('takes questions in turn from each level, recall first, until ten minutes are used', () => {
		const questions = [...atLevel('evaluate', 4), ...atLevel('recall', 4), ...atLevel('apply', 4)];
		const quiz = suggestedQuiz(questions);
		expect(quiz.map((q) => q.id)).toEqual([
			'recall-0',
			'apply-0',
			'evaluate-0',
			'recall-1',
			'apply-1',
			'evaluate-1',
			'recall-2',
			'apply-2',
			'evaluate-2',
			'recall-3'
		]);
		expect(estimateMinutes(quiz)).toBe(10);
	});

	it('never goes over ten minutes, and fills the time with shorter questions when a long one does not fit', () => {
		const questions = [
			...Array.from({ length: 4 }, (_, i) => matchingQuestion({ id: `m-${i}`, level: 'analyse' })),
			...Array.from({ length: 5 }, (_, i) => trueFalseQuestion({ id: `tf-${i}`, level: 'recall' }))
		];
		const quiz = suggestedQuiz(questions);
		expect(estimateMinutes(quiz)).toBeLessThanOrEqual(10);
		// m-3 would make 11 minutes; tf-4 still fits after it.
		expect(quiz.map((q) => q.id)).toEqual([
			'tf-0',
			'm-0',
			'tf-1',
			'm-1',
			'tf-2',
			'm-2',
			'tf-3',
			'tf-4'
		]);
	});

	it('leaves out written arguments, which are not marked and take longer than the quiz', () => {
		expect(suggestedQuiz([essayQuestion(), ...atLevel('apply', 2)]).map((q) => q.id)).toEqual([
			'apply-0',
			'apply-1'
		]);
	});

	it('picks the same quiz every time from the same questions', () => {
		const topic = bank.questions.filter((q) => q.topic === 'compensation');
		expect(suggestedQuiz(topic)).toEqual(suggestedQuiz(topic));
	});

	it('fills about ten minutes and mixes at least three levels in every topic of the bank', () => {
		for (const topic of bank.topics) {
			const quiz = suggestedQuiz(bank.questions.filter((q) => q.topic === topic.id));
			expect(estimateMinutes(quiz), topic.id).toBeGreaterThanOrEqual(8);
			expect(estimateMinutes(quiz), topic.id).toBeLessThanOrEqual(10);
			expect(new Set(quiz.map((q) => q.level)).size, topic.id).toBeGreaterThanOrEqual(3);
			expect(quiz.every((q) => q.topic === topic.id && q.kind !== 'essay')).toBe(true);
		}
	});
});

describe('a topic’s seminar guide', () => {
	const topic = bank.topics.find((t) => t.id === 'compensation')!;
	const guide = seminarGuide(topic, bank.questions)!;

	it('gives the topic’s objectives, its readings with their anchors and notes, and its discussion questions', () => {
		expect(guide.title).toBe(topic.title);
		expect(guide.objectives).toEqual(topic.objectives);
		expect(guide.readings).toEqual(topic.seminar!.readings);
		for (const r of guide.readings) expect(r.anchor).toMatch(/^p\d+-\d+$/);
		expect(guide.discussion.length).toBeGreaterThanOrEqual(3);
		expect(guide.discussion.length).toBeLessThanOrEqual(5);
	});

	it('lays out each of the topic’s essay prompts with its rubric', () => {
		const essays = bank.questions.filter((q) => q.topic === topic.id && q.kind === 'essay');
		expect(guide.essays.map((p) => p.question.id)).toEqual(essays.map((q) => q.id));
		for (const p of guide.essays) expect(p.marking?.rubric.length).toBeGreaterThanOrEqual(3);
	});

	it('links its quiz as a quiz of those question ids, under a title that says how long it takes', () => {
		const { spec } = parseQuizSpec(new URLSearchParams(guide.quiz.query));
		expect(spec.scope).toEqual({ kind: 'ids', ids: guide.quiz.questions.map((q) => q.id) });
		expect(spec.title).toBe(`10-minute quiz: ${topic.title}`);
		expect(guide.quiz.minutes).toBe(estimateMinutes(guide.quiz.questions));
	});

	it('is absent for a topic without a seminar guide', () => {
		const { seminar, ...bare } = topic;
		expect(seminar).toBeDefined();
		expect(seminarGuide(bare, bank.questions)).toBeUndefined();
	});

	it('exists for every topic of the bank', () => {
		for (const t of bank.topics) expect(seminarGuide(t, bank.questions), t.id).toBeDefined();
	});
});
