import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/schema';
import type { QuizSpec } from '../../src/lib/quiz/link';
import { planQuiz } from '../../src/lib/quiz/plan';
import {
	QuestionLoader,
	questionRefs,
	QuestionsUnavailable,
	type TopicQuestionsFile
} from '../../src/lib/quiz/question-files';
import { selectQuestions } from '../../src/lib/quiz/selection';
import { emptyStore } from '../../src/lib/quiz/storage';
import { attemptOf } from '../helpers/attempts';
import { singleQuestion } from '../helpers/questions';

const TOPICS = ['compensation', 'art-washing', 'red-teaming'];
const bank: Question[] = Array.from({ length: 30 }, (_, i) =>
	singleQuestion({
		id: `q-${i}`,
		topic: TOPICS[i % 3]!,
		difficulty: (['intro', 'core', 'advanced'] as const)[i % 3]!
	})
);
const index = questionRefs(bank);
const spec = (over: Partial<QuizSpec> = {}): QuizSpec => ({
	scope: { kind: 'all' },
	difficulty: 'any',
	mode: 'practice',
	shuffleOptions: true,
	shuffleQuestions: true,
	...over
});

/** A loader over the test bank that records which topic files it fetched. */
function loaderOf(version = 'b-1', fail: string[] = []) {
	const fetched: string[] = [];
	const loader = new QuestionLoader(index, 'b-1', async (topic) => {
		fetched.push(topic);
		if (fail.includes(topic)) throw new TypeError('Failed to fetch');
		const file: TopicQuestionsFile = {
			bankVersion: version,
			topic,
			questions: bank.filter((q) => q.topic === topic)
		};
		return JSON.parse(JSON.stringify(file));
	});
	return { loader, fetched };
}

describe('loading a quiz’s questions by topic', () => {
	it('fetches only the topic of a topic quiz', async () => {
		const { loader, fetched } = loaderOf();
		const plan = planQuiz(
			index,
			spec({ scope: { kind: 'topic', topic: 'art-washing' } }),
			emptyStore()
		);
		const questions = await loader.load(plan.questionIds);
		expect(fetched).toEqual(['art-washing']);
		expect(questions.map((q) => q.id).sort()).toEqual([...plan.questionIds].sort());
	});

	it('fetches each topic once however many quizzes the page opens', async () => {
		const { loader, fetched } = loaderOf();
		await Promise.all([loader.load(['q-0', 'q-3']), loader.load(['q-6'])]);
		await loader.load(['q-1', 'q-9']);
		expect(fetched).toEqual(['compensation', 'art-washing']);
	});

	it('draws a mixed quiz from the whole bank, fetching only the topics it drew from', async () => {
		const { loader, fetched } = loaderOf();
		const plan = planQuiz(
			index,
			spec({ scope: { kind: 'mixed', count: 5 }, seed: 's1' }),
			emptyStore()
		);
		// The same draw as from the whole bank's questions, so a shared link shows the same quiz.
		const fromBank = selectQuestions(bank, {
			...spec({ scope: { kind: 'mixed', count: 5 } }),
			seed: 's1'
		});
		expect(plan.questionIds).toEqual(fromBank.questions.map((q) => q.id));
		// It opens on the first question drawn: the one whose answer input must come with the questions.
		expect(plan.opensOn).toBe(fromBank.questions[0]!.id);
		const questions = await loader.load(plan.questionIds);
		expect(new Set(fetched)).toEqual(
			new Set(plan.questionIds.map((id) => bank.find((q) => q.id === id)!.topic))
		);
		expect(questions).toHaveLength(5);
	});

	it('gives a new quiz a seed up front, so its questions are known before they are loaded', () => {
		const plan = planQuiz(index, spec({ scope: { kind: 'mixed', count: 10 } }), emptyStore());
		expect(plan.spec.seed).toMatch(/^[a-z0-9]+$/);
		expect(plan.questionIds).toHaveLength(10);
	});

	it('plans a resumed attempt’s own questions, even ones a new draw would not pick', () => {
		const saved = attemptOf({
			quizKey: 'mixed=5&mode=practice',
			query: 'mixed=5&mode=practice&seed=old',
			questionIds: ['q-29', 'q-1', 'gone-7'],
			current: 1
		});
		const plan = planQuiz(index, spec({ scope: { kind: 'mixed', count: 5 } }), {
			inProgress: [saved],
			history: []
		});
		expect(plan.spec.seed).toBeUndefined();
		expect(plan.questionIds).toEqual(['q-29', 'q-1', 'gone-7']);
		// It opens where the student left off.
		expect(plan.opensOn).toBe('q-1');
	});

	it('skips ids the bank does not have (the quiz reports them) and keeps bank order', async () => {
		const { loader } = loaderOf();
		const questions = await loader.load(['q-7', 'nope', 'q-2']);
		expect(questions.map((q) => q.id)).toEqual(['q-2', 'q-7']);
	});

	it('says the questions could not be loaded when offline, and tries again next time', async () => {
		const { loader, fetched } = loaderOf('b-1', ['compensation']);
		await expect(loader.load(['q-0'])).rejects.toThrow(QuestionsUnavailable);
		await expect(loader.load(['q-0'])).rejects.toThrow(/could not be loaded: you may be offline/);
		expect(fetched).toEqual(['compensation', 'compensation']);
	});

	it('refuses questions from another version of the bank and asks for a reload', async () => {
		const { loader } = loaderOf('b-2');
		const error = await loader.load(['q-0']).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QuestionsUnavailable);
		expect((error as QuestionsUnavailable).outOfDate).toBe(true);
	});
});
