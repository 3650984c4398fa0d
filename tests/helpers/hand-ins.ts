import type { Question } from '../../src/lib/content/schema';
import type { Answer } from '../../src/lib/quiz/answers';
import { finishAttempt, indexById, setAnswer } from '../../src/lib/quiz/attempt';
import { resultsOf } from '../../src/lib/quiz/attempt-results';
import type { HandIn } from '../../src/lib/quiz/hand-in-schema';
import { handInRecord } from '../../src/lib/quiz/results-file';
import type { LoadedHandIn } from '../../src/lib/results/class-results';
import { attemptOf, STARTED } from './attempts';
import { oneOfEachKind } from './questions';

export const TEST_BANK = 'b-test';
export const topics = [
	{
		id: 'compensation',
		title: 'Compensation',
		objectives: [
			{ id: 'comp-o1', text: 'Explain what the artists say they were asked to give' },
			{ id: 'comp-o2', text: 'Compare the reward with the work' }
		]
	}
];

export interface HandInOptions {
	questions?: Question[];
	bankVersion?: string;
	quizKey?: string;
	title?: string;
	/** Minutes after the start that the quiz was submitted. */
	minutes?: number;
}

/**
 * Test-data factory: the hand-in a student would download after answering `answers` (missing ones
 * left blank), made by the real attempt and hand-in code.
 */
export function handInOf(
	student: string,
	answers: Record<string, Answer>,
	options: HandInOptions = {}
): HandIn {
	const questions = options.questions ?? oneOfEachKind();
	const finishedAt = new Date(Date.parse(STARTED) + (options.minutes ?? 10) * 60_000).toISOString();
	const quizKey = options.quizKey ?? 'ids=q-single,q-multiple,q-tf,q-order,q-match&mode=test';
	let a = attemptOf({
		id: `att-${student.replace(/\W+/g, '-').toLowerCase()}`,
		quizKey,
		query: `${quizKey}&seed=s1`,
		title: options.title ?? 'Week 3',
		mode: 'test',
		questionIds: questions.map((q) => q.id)
	});
	for (const [id, answer] of Object.entries(answers)) a = setAnswer(a, id, answer, finishedAt);
	const results = resultsOf(a, indexById(questions), topics);
	a = finishAttempt(a, results, finishedAt);
	return handInRecord(a, results, {
		student,
		bankVersion: options.bankVersion ?? TEST_BANK
	});
}

/** A hand-in as the results page holds it, with a file name made from the student's. */
export const loaded = (handIn: HandIn, fileName = `${handIn.student}.json`): LoadedHandIn => ({
	fileName,
	handIn
});

/** Answers that earn full marks on each of the five `oneOfEachKind` questions. */
export const rightAnswers: Record<string, Answer> = {
	'q-single': { kind: 'single', choice: 'b' },
	'q-multiple': { kind: 'multiple', choices: ['a', 'b', 'c'] },
	'q-tf': { kind: 'true-false', value: false },
	'q-order': { kind: 'ordering', order: ['posted', 'shared', 'disabled', 'paused'] },
	'q-match': { kind: 'matching', matches: { p300: 'p300', p20: 'p20', p16: 'p16' } }
};

/** Answers that earn nothing on each of them. */
export const wrongAnswers: Record<string, Answer> = {
	'q-single': { kind: 'single', choice: 'a' },
	'q-multiple': { kind: 'multiple', choices: ['d'] },
	'q-tf': { kind: 'true-false', value: true },
	'q-order': { kind: 'ordering', order: ['paused', 'disabled', 'shared', 'posted'] },
	'q-match': { kind: 'matching', matches: { p300: 'p20', p20: 'p16', p16: 'p300' } }
};
