import { describe, expect, it } from 'vitest';
import { handInCsv } from '../../src/lib/quiz/results-file';
import { oversizedProblem, readHandIn } from '../../src/lib/results/read-hand-ins';
import { parseCsv, unguardedText } from '../../src/lib/text/csv-read';
import { csvField } from '../../src/lib/text/csv';
import { essayQuestion, singleQuestion } from '../helpers/questions';
import { handInOf, rightAnswers, wrongAnswers } from '../helpers/hand-ins';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('reading a hand-in', () => {
	it('reads a JSON hand-in back exactly as it was written', () => {
		const handIn = handInOf('Ada Lovelace', rightAnswers);
		expect(readHandIn({ name: 'Week 3 - Ada.json', text: json(handIn) })).toEqual({
			ok: true,
			fileName: 'Week 3 - Ada.json',
			handIn
		});
	});

	it('reads a CSV hand-in back as the same hand-in as the JSON', () => {
		const handIn = handInOf('Ada Lovelace', {
			...wrongAnswers,
			'q-single': rightAnswers['q-single']!
		});
		const read = readHandIn({ name: 'Week 3 - Ada.csv', text: handInCsv(handIn) });
		expect(read).toEqual({ ok: true, fileName: 'Week 3 - Ada.csv', handIn });
	});

	it('reads back a CSV whose text a spreadsheet would have run as a formula, and a written answer', () => {
		const questions = [singleQuestion(), essayQuestion()];
		const handIn = handInOf(
			'=HYPERLINK("x")',
			{
				'q-single': { kind: 'single', choice: 'a' },
				'q-essay': { kind: 'essay', text: '-OpenAI says, "voluntary"\nbut…', met: ['position'] }
			},
			{ questions, title: '+Week 3, "test"' }
		);
		const read = readHandIn({ name: 'x.csv', text: handInCsv(handIn) });
		expect(read).toEqual({ ok: true, fileName: 'x.csv', handIn });
	});

	it('names the file, the problem and the line and column of broken JSON', () => {
		const text = '{\n  "format": "sourced-hand-in",\n  "student": "Ada",,\n}';
		const read = readHandIn({ name: 'ada.json', text });
		expect(read).toMatchObject({ ok: false, fileName: 'ada.json', problem: 'not valid JSON' });
		expect(read.ok || read.where).toMatch(/^line 3, column \d+$/);
	});

	it('names the JSON path of a value the schema refuses', () => {
		const handIn = handInOf('Ada', rightAnswers);
		const broken = {
			...handIn,
			questions: handIn.questions.map((q, i) => (i === 2 ? { ...q, score: 7 } : q))
		};
		expect(readHandIn({ name: 'a.json', text: json(broken) })).toMatchObject({
			ok: false,
			where: 'questions[2].score'
		});
	});

	it('says a pack or any other JSON is not a results file, and a newer format is not yet readable', () => {
		expect(readHandIn({ name: 'pack.json', text: '{"schemaVersion":1}' })).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/^not a Sourced results file/)
		});
		const newer = { ...handInOf('Ada', rightAnswers), formatVersion: 2 };
		expect(readHandIn({ name: 'a.json', text: json(newer) })).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/newer version of Sourced \(format version 2\)/)
		});
	});

	it('names the line and column of a CSV cell the schema refuses, and a missing column', () => {
		const csv = handInCsv(handInOf('Ada', rightAnswers));
		const [header, first, second, ...rest] = csv.split('\r\n');
		const broken = [
			header,
			first,
			second!.replace(',partial,', ',maybe,').replace(',correct,', ',maybe,'),
			...rest
		];
		expect(readHandIn({ name: 'a.csv', text: broken.join('\r\n') })).toMatchObject({
			ok: false,
			where: 'line 3, column verdict'
		});
		const noBank = csv.replace(',bank_version,', ',bank,');
		expect(readHandIn({ name: 'a.csv', text: noBank })).toMatchObject({
			ok: false,
			problem: 'the header lacks the column bank_version',
			where: 'line 1'
		});
	});

	it('refuses a file over the size limit before reading it', () => {
		expect(oversizedProblem('big.json', 1_000)).toBeUndefined();
		expect(oversizedProblem('big.json', 5_200_000)).toMatchObject({
			ok: false,
			problem: 'the file is 5.2 MB, over the 2 MB a results file may be; it was not read'
		});
	});
});

describe('reading CSV', () => {
	it('splits quoted fields with commas, quotes and line breaks, and numbers each row’s line', () => {
		const read = parseCsv('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\nlast,\r\n');
		expect(read).toEqual({
			ok: true,
			rows: [
				{ line: 1, fields: ['a', 'b'] },
				{ line: 2, fields: ['x, "y"', '1\n2'] },
				{ line: 4, fields: ['last', ''] }
			]
		});
	});

	it('says where a quoted field is never closed', () => {
		expect(parseCsv('a\n"open')).toEqual({
			ok: false,
			line: 2,
			problem: 'a quoted field is never closed'
		});
	});

	it('undoes the formula guard of csvField, and only that', () => {
		for (const text of ['=1+1', '+x', '-y', '@z', "'quoted", 'plain'])
			expect(unguardedText(parseCsvField(csvField(text)))).toBe(text);
	});
});

/** The one field of a one-field CSV line. */
function parseCsvField(line: string): string {
	const read = parseCsv(line);
	if (!read.ok) throw new Error(read.problem);
	return read.rows[0]!.fields[0]!;
}
