import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	expectedCriterionLine,
	expectedQuestionText,
	matchingQuestion,
	singleQuestion
} from '../helpers/questions';

const HEADER = [
	'ID',
	'Topic',
	'Kind',
	'Difficulty',
	'Level',
	'Prompt',
	'Options, items or pairs',
	'Correct answer',
	'Feedback per option',
	'Guidance',
	'Model answer',
	'Rubric',
	'Explanation',
	'Citations',
	'Tags',
	'Export notes'
];

function exportedText(pack: Pack): string {
	const { file } = exportPack(pack, pack.id, 'csv');
	if (typeof file.data !== 'string') throw new Error('expected a text file');
	return file.data;
}

/** The file read back by csv-parse, as objects keyed by the header row. */
function readRows(text: string): Record<string, string>[] {
	return parse(text, { bom: true, columns: true, record_delimiter: '\r\n' });
}

/** What the row of one question should say, cell by cell, straight from the pack. */
function expectedRow(pack: Pack, q: Question): Record<string, string> {
	const letter = (i: number) => 'ABCDEFGH'.charAt(i);
	const source = (id: string) => pack.sources.find((s) => s.id === id);
	const common = {
		ID: q.id,
		Topic: pack.topics.find((t) => t.id === q.topic)?.title ?? '',
		Kind: q.kind,
		Difficulty: q.difficulty,
		Level: q.level ?? '',
		Prompt: expectedQuestionText(q).join('\n\n'),
		Guidance: '',
		'Model answer': '',
		Rubric: '',
		Explanation: q.explanation,
		Citations: q.citations
			.map((c) => {
				const url = source(c.source)?.url;
				const where = url && url !== 'unknown' ? ` (${url})` : '';
				return `${quotedPassage(c.exact)} — ${source(c.source)?.label}${where}`;
			})
			.join(' | '),
		Tags: q.tags.join(', '),
		'Export notes': ''
	};
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return {
				...common,
				'Options, items or pairs': q.options.map((o, i) => `${letter(i)}) ${o.text}`).join(' | '),
				'Correct answer': q.options
					.map((o, i) => (o.correct ? letter(i) : ''))
					.filter(Boolean)
					.join(', '),
				'Feedback per option': q.options.map((o, i) => `${letter(i)}) ${o.feedback}`).join(' | ')
			};
		case 'true-false':
			return {
				...common,
				'Options, items or pairs': 'True | False',
				'Correct answer': q.answer ? 'True' : 'False',
				'Feedback per option': `True: ${q.feedback.ifTrue} | False: ${q.feedback.ifFalse}`
			};
		case 'ordering':
			return {
				...common,
				'Options, items or pairs': q.items.map((item, i) => `${i + 1}) ${item.text}`).join(' | '),
				'Correct answer': 'In the order listed',
				'Feedback per option': ''
			};
		case 'matching':
			return {
				...common,
				'Options, items or pairs': q.pairs.map((p) => `${p.left} → ${p.right}`).join(' | '),
				'Correct answer': 'As paired',
				'Feedback per option': ''
			};
		case 'essay':
			return {
				...common,
				'Options, items or pairs': '',
				'Correct answer': 'Marked by hand: see the model answer and the rubric',
				'Feedback per option': '',
				Guidance: q.guidance,
				'Model answer': q.modelAnswer,
				Rubric: q.rubric.map(expectedCriterionLine).join(' | ')
			};
	}
}

describe('CSV export of the whole real bank', () => {
	const pack = realBankPack();
	const text = exportedText(pack);

	it('starts with a byte-order mark so Excel reads it as UTF-8', () => {
		expect(text.charCodeAt(0)).toBe(0xfeff);
	});

	it('has a header and one row per question, every row as wide as the header', () => {
		const records: string[][] = parse(text, { bom: true, relax_column_count: true });
		expect(records[0]).toEqual(HEADER);
		expect(records).toHaveLength(pack.questions.length + 1);
		for (const record of records) expect(record).toHaveLength(HEADER.length);
	});

	it('ends every line with CRLF, as RFC 4180 asks', () => {
		const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '""');
		expect(outsideQuotes.endsWith('\r\n')).toBe(true);
		expect(outsideQuotes).not.toMatch(/[^\r]\n|\r[^\n]/);
	});

	it('gives each question its level, its hypothetical case and prompt, choices, answer key, feedback, explanation and citations', () => {
		const rows = readRows(text);
		pack.questions.forEach((q, i) => expect(rows[i], q.id).toEqual(expectedRow(pack, q)));
	});

	it('carries the explanation and every cited quote with its outlet for each question', () => {
		const rows = readRows(text);
		pack.questions.forEach((q, i) => {
			expect(rows[i]?.Explanation).toBe(q.explanation);
			for (const c of q.citations)
				expect(rows[i]?.Citations).toContain(`${quotedPassage(c.exact)} — `);
		});
	});

	it('gives a written argument its guidance, model answer and rubric with points', () => {
		const rows = readRows(text);
		const essays = pack.questions.flatMap((q, i) =>
			q.kind === 'essay' ? [{ q, row: rows[i] }] : []
		);
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const { q, row } of essays) {
			expect(row?.Kind).toBe('essay');
			expect(row?.['Model answer']).toBe(q.modelAnswer);
			expect(row?.Rubric?.split(' | ')).toHaveLength(q.rubric.length);
		}
	});

	it('converts and leaves out nothing from the real bank', () => {
		expect(exportPack(pack, 'all', 'csv').notes).toEqual([]);
	});
});

describe('CSV export of awkward text', () => {
	it('keeps every special character of every text field unchanged', () => {
		const pack = specialCharactersPack();
		const rows = readRows(exportedText(pack));
		expect(rows).toHaveLength(pack.questions.length);
		pack.questions.forEach((q, i) => expect(rows[i], q.id).toEqual(expectedRow(pack, q)));
	});

	it('keeps line breaks inside a cell', () => {
		const pack = {
			...realBankPack(),
			questions: [singleQuestion({ prompt: 'One\nTwo, "three"' })]
		};
		expect(readRows(exportedText(pack))[0]?.Prompt).toBe('One\nTwo, "three"');
	});

	it('puts an apostrophe before cells a spreadsheet would run as formulas, and notes it in the file and the notes', () => {
		const pack: Pack = {
			...realBankPack(),
			questions: [
				singleQuestion({
					id: 'formula',
					prompt: '=HYPERLINK("https://example.com")',
					explanation: '@SUM(A1)'
				}),
				matchingQuestion({
					id: 'minus',
					pairs: [
						{ id: 'p1', left: '-1 point', right: 'a wrong pick' },
						{ id: 'p2', left: '+1 point', right: 'a right pick' },
						{ id: 'p3', left: 'no points', right: 'no pick' }
					]
				}),
				singleQuestion({ id: 'plain', prompt: 'A = B?' })
			]
		};
		const rows = readRows(exportedText(pack));
		expect(rows[0]?.Prompt).toBe(`'=HYPERLINK("https://example.com")`);
		expect(rows[0]?.Explanation).toBe(`'@SUM(A1)`);
		expect(rows[1]?.['Options, items or pairs']).toBe(
			"'-1 point → a wrong pick | +1 point → a right pick | no points → no pick"
		);
		expect(rows[2]?.Prompt).toBe('A = B?');

		const { notes } = exportPack(pack, 'formula', 'csv');
		expect(notes.map((n) => [n.questionId, n.action])).toEqual([
			['formula', 'converted'],
			['minus', 'converted']
		]);
		expect(notes[0]?.note).toMatch(/leading ' .*: Prompt, Explanation$/);
		expect(notes[1]?.note).toMatch(/: Options, items or pairs$/);
		expect(rows[0]?.['Export notes']).toBe(notes[0]?.note);
		expect(rows[1]?.['Export notes']).toBe(notes[1]?.note);
		expect(rows[2]?.['Export notes']).toBe('');
	});
});

describe('CSV formula guard behind white space or control characters', () => {
	it('guards and notes a cell whose formula hides behind a control character or spaces', () => {
		const pack: Pack = {
			...realBankPack(),
			questions: [
				singleQuestion({ id: 'nul', prompt: '\u0000=HYPERLINK("https://example.com")' }),
				singleQuestion({ id: 'spaces', prompt: 'Plain', explanation: '  @SUM(A1)' })
			]
		};
		const rows = readRows(exportedText(pack));
		expect(rows[0]?.Prompt).toBe(`'\u0000=HYPERLINK("https://example.com")`);
		expect(rows[1]?.Explanation).toBe(`'  @SUM(A1)`);
		const { notes } = exportPack(pack, 'guard', 'csv');
		expect(notes.map((n) => [n.questionId, n.action])).toEqual([
			['nul', 'converted'],
			['spaces', 'converted']
		]);
		expect(notes[1]?.note).toMatch(/: Explanation$/);
	});
});

describe('CSV file', () => {
	it('is named after the pack and labelled as UTF-8 CSV', () => {
		const { file } = exportPack(realBankPack(), 'all', 'csv');
		expect(file.name).toBe('all.csv');
		expect(file.mime).toBe('text/csv; charset=utf-8');
	});
});
