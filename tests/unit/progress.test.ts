import { describe, expect, it } from 'vitest';
import {
	instructorQuestionsAnswered,
	masteredText,
	topicProgress
} from '../../src/lib/quiz/progress';
import { attemptOf } from '../helpers/attempts';
import { essayQuestion, singleQuestion, trueFalseQuestion } from '../helpers/questions';

const questions = [
	singleQuestion({ id: 's1', topic: 'compensation' }),
	trueFalseQuestion({ id: 't1', topic: 'compensation' }),
	essayQuestion({ id: 'e1', topic: 'compensation' }),
	singleQuestion({ id: 's2', topic: 'art-washing' })
];
const byId = new Map(questions.map((q) => [q.id, q]));
const topics = [
	{ id: 'compensation', title: 'Compensation' },
	{ id: 'art-washing', title: 'Art washing' }
];

describe('progress by topic', () => {
	it('counts each question once, by its latest answer, not every answer given', () => {
		const older = attemptOf({
			id: 'old',
			questionIds: ['s1', 't1'],
			answers: { s1: { kind: 'single', choice: 'b' }, t1: { kind: 'true-false', value: false } }
		});
		const newer = attemptOf({
			id: 'new',
			questionIds: ['s1'],
			answers: { s1: { kind: 'single', choice: 'a' } }
		});
		const [compensation] = topicProgress([newer, older], questions, byId, topics);
		expect(compensation).toEqual({
			topic: 'compensation',
			title: 'Compensation',
			total: 2,
			answered: 2,
			mastered: 1,
			score: 1
		});
		expect(masteredText(compensation!)).toBe('1 of 2 questions mastered');
	});

	it('lists a topic not started with nothing answered, so the page can say what is left', () => {
		const [, art] = topicProgress([], questions, byId, topics);
		expect(art).toMatchObject({ topic: 'art-washing', total: 1, answered: 0, mastered: 0 });
	});

	it("counts an instructor's own questions from a link apart, never as bank questions gone", () => {
		const own = singleQuestion({ id: 'my-abc123', topic: 'compensation' });
		const fromLink = attemptOf({
			id: 'link',
			questionIds: ['s1', 'my-abc123', 'my-def456'],
			answers: {
				s1: { kind: 'single', choice: 'b' },
				'my-abc123': { kind: 'single', choice: 'b' }
			}
		});
		const [compensation] = topicProgress(
			[fromLink],
			questions,
			new Map([...byId, [own.id, own]]),
			topics
		);
		expect(compensation).toMatchObject({ total: 2, answered: 1, mastered: 1 });
		expect(instructorQuestionsAnswered([fromLink, fromLink])).toBe(1);
		expect(instructorQuestionsAnswered([])).toBe(0);
	});
});
