import { describe, expect, it } from 'vitest';
import { itemMarks } from '../../src/lib/quiz/feedback';
import {
	essayQuestion,
	matchingQuestion,
	multipleQuestion,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

describe('the marks shown beside each option once an answer is checked', () => {
	it('marks a wrong single choice as wrong and the right option as the one not chosen', () => {
		expect(itemMarks(singleQuestion(), { kind: 'single', choice: 'a' })).toEqual({
			a: { mark: 'wrong', text: 'Your choice: wrong' },
			b: { mark: 'missed', text: 'A right answer you did not choose' }
		});
	});

	it('marks each multiple-response pick right or wrong, and each right option left out', () => {
		const marks = itemMarks(multipleQuestion(), { kind: 'multiple', choices: ['a', 'd'] });
		expect(marks['a']?.mark).toBe('right');
		expect(marks['b']?.mark).toBe('missed');
		expect(marks['c']?.mark).toBe('missed');
		expect(marks['d']?.mark).toBe('wrong');
	});

	it('marks a true/false choice and the right value', () => {
		expect(itemMarks(trueFalseQuestion(), { kind: 'true-false', value: true })).toEqual({
			true: { mark: 'wrong', text: 'Your choice: wrong' },
			false: { mark: 'missed', text: 'The right answer' }
		});
	});

	it('says which matching pairs were wrong and what each should be', () => {
		const marks = itemMarks(matchingQuestion(), {
			kind: 'matching',
			matches: { p300: 'p300', p20: 'p16' }
		});
		expect(marks['p300']).toEqual({ mark: 'right', text: 'Right match' });
		expect(marks['p20']).toEqual({
			mark: 'wrong',
			text: 'Wrong match: it should be “accused the company”'
		});
		expect(marks['p16']).toEqual({
			mark: 'missed',
			text: 'Not matched: it should be “signed the letter”'
		});
	});

	it('says where each misplaced ordering item belongs', () => {
		const marks = itemMarks(orderingQuestion(), {
			kind: 'ordering',
			order: ['shared', 'posted', 'disabled', 'paused']
		});
		expect(marks['posted']).toEqual({ mark: 'wrong', text: 'Belongs in place 1' });
		expect(marks['shared']).toEqual({ mark: 'wrong', text: 'Belongs in place 2' });
		expect(marks['disabled']?.mark).toBe('right');
	});

	it('gives a written answer no marks', () => {
		expect(itemMarks(essayQuestion(), { kind: 'essay', text: 'x', met: [] })).toEqual({});
	});
});
