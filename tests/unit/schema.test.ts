import { describe, expect, it } from 'vitest';
import { authoredQuestionSchema } from '../../src/lib/content/schema';

const citation = { source: 'ars-technica-2024-11-27', exact: 'roughly 300 artists' };
const single = {
	id: 'comp-99',
	kind: 'single',
	difficulty: 'core',
	objective: 'comp-o1',
	prompt: 'How many artists does the group say it speaks for?',
	explanation: 'The group says it protested on behalf of roughly 300 artists.',
	citations: [citation],
	options: [
		{ id: 'three-hundred', text: 'About 300', correct: true, feedback: 'Yes: roughly 300.' },
		{ id: 'twenty', text: 'About 20', feedback: 'That is the number who accused OpenAI.' }
	]
};

const messages = (input: unknown) => {
	const result = authoredQuestionSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('question schema', () => {
	it('accepts a well-formed single-answer question and fills defaults', () => {
		const q = authoredQuestionSchema.parse(single);
		expect(q.tags).toEqual([]);
		expect(q.kind === 'single' && q.options[1]?.correct).toBe(false);
	});

	it('rejects a single-answer question with two correct options', () => {
		const bad = { ...single, options: single.options.map((o) => ({ ...o, correct: true })) };
		expect(messages(bad)).toEqual([
			'options: a single-answer question needs exactly one correct option, found 2'
		]);
	});

	it('rejects a multiple-answer question with only one correct option', () => {
		const bad = {
			...single,
			kind: 'multiple',
			options: [...single.options, { id: 'x', text: 'Sixteen', feedback: 'Signers.' }]
		};
		expect(messages(bad)).toEqual([
			'options: a multiple-answer question needs at least two correct options, found 1'
		]);
	});

	it('rejects a question without citations', () => {
		expect(messages({ ...single, citations: [] })).toEqual([
			'citations: Too small: expected array to have >=1 items'
		]);
	});

	it('rejects unknown keys, so a misspelt field is not silently ignored', () => {
		expect(messages({ ...single, explaination: 'typo' })).toEqual([
			': Unrecognized key: "explaination"'
		]);
	});

	it('rejects an unknown kind and names the allowed ones', () => {
		const [message] = messages({ ...single, kind: 'poem' });
		expect(message).toContain('kind');
	});

	it('rejects an empty prompt and an id that is not a slug', () => {
		expect(messages({ ...single, prompt: '  ', id: 'Comp 99' })).toEqual([
			'id: must be a lower-case slug such as "comp-01"',
			'prompt: must not be empty'
		]);
	});

	it('rejects matching pairs that share a right-hand side', () => {
		const matching = {
			...single,
			kind: 'matching',
			options: undefined,
			pairs: [
				{ id: 'a', left: 'roughly 300', right: 'same' },
				{ id: 'b', left: 'around 20', right: 'same' },
				{ id: 'c', left: '16', right: 'signers' }
			]
		};
		delete (matching as { options?: unknown }).options;
		expect(messages(matching)).toEqual([
			'pairs: right-hand text "same" is used twice, so the match is ambiguous'
		]);
	});

	it('rejects ordering items with the same text, which no one (and no LMS) could tell apart', () => {
		const ordering = {
			...single,
			kind: 'ordering',
			items: [
				{ id: 'a', text: 'The leak' },
				{ id: 'b', text: 'The letter' },
				{ id: 'c', text: 'The leak' }
			]
		};
		delete (ordering as { options?: unknown }).options;
		expect(messages(ordering)).toEqual([
			'items: item text "The leak" is used twice, so the order is ambiguous'
		]);
	});
});
