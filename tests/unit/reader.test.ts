import { describe, expect, it } from 'vitest';
import type { Citer } from '../../src/lib/content/passages';
import { parseQuizSpec } from '../../src/lib/quiz/link';
import {
	citersForReader,
	citersOf,
	packPassages,
	passageTarget,
	shortText,
	unpackPassages
} from '../../src/lib/quiz/reader';

const passages = new Set(['p10-20', 'p30-45']);
const isPassage = (anchor: string) => passages.has(anchor);

describe('the passage a source page link points to', () => {
	it('is the cited passage its fragment names', () => {
		expect(passageTarget('#p10-20', isPassage)).toEqual({ kind: 'passage', anchor: 'p10-20' });
		expect(passageTarget('p30-45', isPassage)).toEqual({ kind: 'passage', anchor: 'p30-45' });
	});

	it('is none when there is no fragment', () => {
		expect(passageTarget('', isPassage)).toEqual({ kind: 'none' });
		expect(passageTarget('#', isPassage)).toEqual({ kind: 'none' });
	});

	it('is not found, without throwing, when the fragment is not valid percent-encoding', () => {
		expect(() => decodeURIComponent('%E0%A4%A')).toThrow(URIError);
		expect(passageTarget('#%E0%A4%A', isPassage)).toEqual({ kind: 'not-found' });
		expect(passageTarget('#%ZZ', isPassage)).toEqual({ kind: 'not-found' });
	});

	it('is not found when the fragment names a passage this source does not have', () => {
		expect(passageTarget('#p1-2', isPassage)).toEqual({ kind: 'not-found' });
	});

	it('is none when the fragment names another place on the page, such as the skip link’s #main', () => {
		expect(passageTarget('#main', isPassage, (id) => id === 'main')).toEqual({ kind: 'none' });
	});
});

const question = (id: string, label = `Prompt of ${id}?`): Citer => ({
	kind: 'question',
	id,
	label
});
const glossary: Citer = { kind: 'glossary', id: 'red-teaming', label: 'Red teaming' };

describe('what the reader lists under "Cited by"', () => {
	it('names each citer once, however many of the passages starting at a spot it quotes', () => {
		const cited = [
			{ anchor: 'p10-20', citedBy: [question('comp-01'), glossary] },
			{ anchor: 'p10-40', citedBy: [question('comp-01'), question('comp-02')] },
			{ anchor: 'p50-60', citedBy: [question('comp-09')] }
		];
		expect(citersOf(cited, ['p10-20', 'p10-40']).map((c) => c.id)).toEqual([
			'comp-01',
			'red-teaming',
			'comp-02'
		]);
	});

	it('lists questions with a short prompt and a practice quiz of that question alone', () => {
		const long = `Suppose ${'a very long scenario '.repeat(10)}: what then?`;
		const { questions, practiseAll, others } = citersForReader(
			[question('comp-01', long), glossary],
			'ReadWrite'
		);
		expect(questions).toHaveLength(1);
		expect(questions[0]!.prompt.length).toBeLessThanOrEqual(90);
		expect(questions[0]!.prompt).toMatch(/^Suppose a very long scenario .*…$/);
		const { spec, problems } = parseQuizSpec(new URLSearchParams(questions[0]!.practise));
		expect(problems).toEqual([]);
		expect(spec.scope).toEqual({ kind: 'ids', ids: ['comp-01'] });
		expect(spec.mode).toBe('practice');
		expect(spec.title).toBe('Question comp-01');
		expect(practiseAll).toBeUndefined();
		expect(others).toEqual([glossary]);
	});

	it('offers to practise all the questions, in their order, when there are several', () => {
		const { practiseAll } = citersForReader(
			[question('comp-03'), question('comp-16')],
			'ReadWrite'
		);
		const { spec } = parseQuizSpec(new URLSearchParams(practiseAll));
		expect(spec.scope).toEqual({ kind: 'ids', ids: ['comp-03', 'comp-16'] });
		expect(spec.shuffleQuestions).toBe(false);
		expect(spec.title).toBe('Questions quoting a passage of ReadWrite');
	});
});

describe('short text', () => {
	it('keeps a short text whole and on one line', () => {
		expect(shortText('Who paid\n  whom?', 90)).toBe('Who paid whom?');
	});

	it('cuts a long text at a word, without trailing punctuation, and marks the cut', () => {
		expect(shortText('One two three, four five six', 16)).toBe('One two three…');
	});
});

describe('cited passages packed for the reader page', () => {
	const passages = [
		{ anchor: 'p0-5', start: 0, end: 5, exact: 'Hello', citedBy: [question('q1'), glossary] },
		{ anchor: 'p2-5', start: 2, end: 5, exact: 'llo', citedBy: [question('q2'), question('q1')] }
	];

	it('carries each thing that quotes a passage once, however many passages it quotes', () => {
		const packed = packPassages(passages);
		expect(packed.citers.map((c) => c.id)).toEqual(['q1', 'red-teaming', 'q2']);
		expect(packed.passages.map((p) => p.citedBy)).toEqual([
			[0, 1],
			[2, 0]
		]);
	});

	it('unpacks to the same passages with their citers, in their order', () => {
		expect(unpackPassages(packPassages(passages))).toEqual(passages);
	});

	it('keeps a glossary entry and a question with the same id apart', () => {
		const sameId: Citer = { kind: 'glossary', id: 'q1', label: 'A term' };
		const packed = packPassages([{ ...passages[0]!, citedBy: [question('q1'), sameId] }]);
		expect(packed.citers).toHaveLength(2);
		expect(unpackPassages(packed)[0]!.citedBy).toEqual([question('q1'), sameId]);
	});
});
