import { describe, expect, it } from 'vitest';
import { checkAnswer, setAnswer, toggleFlag } from '../../src/lib/quiz/attempt';
import { describeStatus, questionStatus } from '../../src/lib/quiz/status';
import { attemptOf } from '../helpers/attempts';
import { matchingQuestion, singleQuestion } from '../helpers/questions';

const now = '2026-11-22T10:05:00.000Z';

describe('where a question stands', () => {
	it('is not answered, checked or flagged at the start', () => {
		const status = questionStatus(attemptOf(), singleQuestion());
		expect(status).toEqual({ answered: false, checked: false, flagged: false });
		expect(describeStatus(status)).toBe('not answered');
	});

	it('is answered, then checked, in practice mode', () => {
		let a = setAnswer(attemptOf(), 'q-single', { kind: 'single', choice: 'a' }, now);
		expect(describeStatus(questionStatus(a, singleQuestion()))).toBe('answered');
		a = checkAnswer(a, 'q-single', now);
		expect(describeStatus(questionStatus(a, singleQuestion()))).toBe('answered, checked');
	});

	it('counts a half-done matching as not answered, and says when it is flagged', () => {
		let a = setAnswer(attemptOf(), 'q-match', { kind: 'matching', matches: { p300: 'p300' } }, now);
		a = toggleFlag(a, 'q-match', now);
		const status = questionStatus(a, matchingQuestion());
		expect(status).toEqual({ answered: false, checked: false, flagged: true });
		expect(describeStatus(status)).toBe('not answered, flagged');
	});

	it('lists every part in a fixed order: answered, checked, flagged', () => {
		expect(describeStatus({ answered: true, checked: true, flagged: true })).toBe(
			'answered, checked, flagged'
		);
	});
});
