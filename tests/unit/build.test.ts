import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/lib/content/anchor';
import { buildComparison, buildGlossaryTerm, buildQuestion } from '../../src/lib/content/build';
import { questionSchema, type AuthoredQuestion } from '../../src/lib/content/schema';

const texts = new Map([
	['ars', new SourceText('In all, roughly 300 artists were given early access to Sora.')],
	['readwrite', new SourceText('OpenAI halted all user access on Tuesday.')]
]);

const authored: AuthoredQuestion = {
	id: 'comp-99',
	kind: 'true-false',
	difficulty: 'core',
	objective: 'comp-o1',
	prompt: 'True or false: about 300 artists had early access.',
	explanation: 'Ars Technica gives the figure.',
	tags: [],
	answer: true,
	feedback: { ifTrue: 'Yes, roughly 300.', ifFalse: 'Look at the figure again.' },
	citations: [{ source: 'ars', exact: 'roughly 300 artists' }]
};

describe('building a question', () => {
	it('sets its topic and anchors every citation, giving a question the site accepts', () => {
		const built = buildQuestion(authored, 'compensation', texts);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.value.topic).toBe('compensation');
		expect(built.value.citations).toEqual([
			{ source: 'ars', exact: 'roughly 300 artists', start: 8, end: 27, anchor: 'p8-27' }
		]);
		expect(questionSchema.parse(built.value)).toEqual(built.value);
	});

	it('returns each citation problem at its path inside the question', () => {
		const built = buildQuestion(
			{
				...authored,
				citations: [...authored.citations, { source: 'ars', exact: 'roughly 3000 artists' }]
			},
			'compensation',
			texts
		);
		expect(built).toEqual({
			ok: false,
			problems: [
				{
					path: ['citations', 1, 'exact'],
					message: expect.stringMatching(/^citation 2 \(source ars\): quote not found \(/)
				}
			]
		});
	});
});

describe('building glossary terms and comparisons', () => {
	it('anchors a term’s citations', () => {
		const built = buildGlossaryTerm(
			{
				id: 'pause',
				term: 'Pause',
				aliases: [],
				definition: 'Stopping access for a while.',
				citations: [{ source: 'readwrite', exact: 'halted all user access' }]
			},
			texts
		);
		expect(built.ok && built.value.citations[0]?.anchor).toBe('p7-29');
	});

	it('anchors each account’s quotes in that account’s source, and places problems inside it', () => {
		const row = {
			id: 'd16',
			title: 'How wide was the pause?',
			question: 'Whose access was paused?',
			summary: 'The outlets differ.',
			accounts: [
				{ source: 'readwrite', quotes: [{ exact: 'halted all user access' }] },
				{ source: 'ars', quotes: [{ exact: 'pausing all test access' }] }
			]
		};
		const built = buildComparison(row, texts);
		expect(built.ok).toBe(false);
		if (built.ok) return;
		expect(built.problems.map((p) => p.path)).toEqual([['accounts', 1, 'quotes', 0, 'exact']]);
		const fixed = buildComparison(
			{
				...row,
				accounts: [row.accounts[0]!, { source: 'ars', quotes: [{ exact: '300 artists' }] }]
			},
			texts
		);
		expect(fixed.ok && fixed.value.accounts.map((a) => a.quotes[0]?.source)).toEqual([
			'readwrite',
			'ars'
		]);
	});
});
