import type { AnchoredCitation, Question, QuestionOf } from '../../src/lib/content/schema';

/** Test-data factories: small valid questions of each kind. */
const citation: AnchoredCitation = {
	source: 'ars-technica-2024-11-27',
	exact: 'roughly 300 artists',
	start: 10,
	end: 29,
	anchor: 'p10-29'
};

const common = {
	difficulty: 'core' as const,
	topic: 'compensation',
	objective: 'comp-o1',
	prompt: 'Prompt',
	explanation: 'Because the passage says so.',
	tags: [],
	citations: [citation]
};

export function singleQuestion(over: Partial<QuestionOf<'single'>> = {}): QuestionOf<'single'> {
	return {
		...common,
		id: 'q-single',
		kind: 'single',
		options: [
			{ id: 'a', text: 'Option A', correct: false, feedback: 'A is wrong because…' },
			{ id: 'b', text: 'Option B', correct: true, feedback: 'B is right because…' },
			{ id: 'c', text: 'Option C', correct: false, feedback: 'C is wrong because…' }
		],
		...over
	};
}

export function multipleQuestion(
	over: Partial<QuestionOf<'multiple'>> = {}
): QuestionOf<'multiple'> {
	return {
		...common,
		id: 'q-multiple',
		kind: 'multiple',
		options: [
			{ id: 'a', text: 'Right one', correct: true, feedback: 'Yes, because…' },
			{ id: 'b', text: 'Right two', correct: true, feedback: 'Yes, because…' },
			{ id: 'c', text: 'Right three', correct: true, feedback: 'Yes, because…' },
			{ id: 'd', text: 'Wrong one', correct: false, feedback: 'No, because…' }
		],
		...over
	};
}

export function trueFalseQuestion(
	over: Partial<QuestionOf<'true-false'>> = {}
): QuestionOf<'true-false'> {
	return {
		...common,
		id: 'q-tf',
		kind: 'true-false',
		answer: false,
		feedback: { ifTrue: 'Not so, because…', ifFalse: 'Right, because…' },
		...over
	};
}

export function orderingQuestion(
	over: Partial<QuestionOf<'ordering'>> = {}
): QuestionOf<'ordering'> {
	return {
		...common,
		id: 'q-order',
		kind: 'ordering',
		items: [
			{ id: 'posted', text: 'Page posted' },
			{ id: 'shared', text: 'Videos shared' },
			{ id: 'disabled', text: 'Page disabled' },
			{ id: 'paused', text: 'Testers paused' }
		],
		...over
	};
}

export function matchingQuestion(
	over: Partial<QuestionOf<'matching'>> = {}
): QuestionOf<'matching'> {
	return {
		...common,
		id: 'q-match',
		kind: 'matching',
		pairs: [
			{ id: 'p300', left: 'roughly 300', right: 'given early access' },
			{ id: 'p20', left: 'around 20', right: 'accused the company' },
			{ id: 'p16', left: '16', right: 'signed the letter' }
		],
		...over
	};
}

export function essayQuestion(over: Partial<QuestionOf<'essay'>> = {}): QuestionOf<'essay'> {
	return {
		...common,
		id: 'q-essay',
		kind: 'essay',
		level: 'evaluate',
		prompt: 'Was early access a fair exchange? Argue one side.',
		guidance: 'Take a side, ground each claim in a passage, answer the other side.',
		modelAnswer: 'The group alleges the work was unpaid; OpenAI says taking part was voluntary.',
		rubric: [
			{ id: 'position', criterion: 'States a clear position', points: 2 },
			{ id: 'evidence', criterion: 'Grounds two claims in attributed passages', points: 3 },
			{ id: 'counter', criterion: 'Answers the strongest point of the other side', points: 2 }
		],
		...over
	};
}

export const oneOfEachKind = (): Question[] => [
	singleQuestion(),
	multipleQuestion(),
	trueFalseQuestion(),
	orderingQuestion(),
	matchingQuestion()
];

/** What a student should read as a question's text, as an export or print shows it: the hypothetical case, marked, then the prompt. */
export function expectedQuestionText(q: Question): string[] {
	return q.scenario ? [`Hypothetical case: ${q.scenario}`, q.prompt] : [q.prompt];
}

/** The same, with an essay's guidance after the prompt, as the LMS formats show it. */
export function expectedTextWithGuidance(q: Question): string[] {
	const text = expectedQuestionText(q);
	return q.kind === 'essay' ? [...text, `Guidance: ${q.guidance}`] : text;
}

/** The points a rubric is out of, added up here rather than by the code under test. */
export function rubricPoints(q: QuestionOf<'essay'>): number {
	let total = 0;
	for (const c of q.rubric) total += c.points;
	return total;
}

/** An essay's model answer and rubric as the exports write them for graders, one line each. */
export function expectedMarkingLines(q: QuestionOf<'essay'>): string[] {
	return [
		'Model answer:',
		q.modelAnswer,
		`Rubric (${rubricPoints(q)} points in all):`,
		...q.rubric.map(expectedCriterionLine)
	];
}

/** One rubric criterion as the exports write it, with its points. */
export function expectedCriterionLine(c: { criterion: string; points: number }): string {
	return `${c.criterion} (${c.points} ${c.points === 1 ? 'point' : 'points'})`;
}

/** A question's tags as the Moodle formats write them: topic, difficulty, level, then its own. */
export function expectedTags(q: Question): string[] {
	return [q.topic, q.difficulty, ...(q.level ? [q.level] : []), ...q.tags];
}
