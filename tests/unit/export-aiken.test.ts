import { describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../src/lib/content/schema';
import { exportPack } from '../../src/lib/export/files';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	essayQuestion,
	expectedQuestionText,
	singleQuestion,
	trueFalseQuestion
} from '../helpers/questions';

/** A question as an Aiken file states it. */
interface AikenItem {
	prompt: string;
	options: string[];
	answer: string;
}

/**
 * A strict reader of Moodle's Aiken format, written from the spec and independent of the exporter:
 * questions separated by one blank line; the question text on one line that Moodle would not take
 * for an option or a key; options `A. text` or `A) text` with letters in order from A; at least two
 * options; then `ANSWER: <letter>` naming one of them. Anything else is an error.
 */
function parseAiken(file: string): AikenItem[] {
	if (file === '') return [];
	if (/\r/.test(file)) throw new Error('carriage return in file');
	// A plain-text line holds no control character but tab, and no noncharacter or lone surrogate.
	const unfit = /(?![\t\n])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/u.exec(file);
	if (unfit) throw new Error(`U+${unfit[0].codePointAt(0)!.toString(16).toUpperCase()} in file`);
	if (!file.endsWith('\n') || file.endsWith('\n\n'))
		throw new Error('file must end with one newline');
	return file
		.slice(0, -1)
		.split('\n\n')
		.map((block, b) => {
			const lines = block.split('\n');
			const where = (i: number) => `question ${b + 1}, line ${i + 1}`;
			for (const [i, line] of lines.entries())
				if (line !== line.trim() || line.length < 2) throw new Error(`${where(i)}: "${line}"`);
			const [prompt, ...rest] = lines;
			const key = rest.pop();
			if (prompt === undefined || /^[A-Z][.)]/.test(prompt) || /^ANSWER:/.test(prompt))
				throw new Error(`${where(0)}: not a question line: "${prompt}"`);
			const options = rest.map((line, i) => {
				const match = /^([A-Z])[.)] (.+)$/.exec(line);
				if (!match || match[1] !== String.fromCharCode(65 + i))
					throw new Error(`${where(i + 1)}: expected option ${String.fromCharCode(65 + i)}`);
				return match[2] ?? '';
			});
			if (options.length < 2) throw new Error(`${where(0)}: fewer than two options`);
			const answer = /^ANSWER: ([A-Z])$/.exec(key ?? '')?.[1];
			if (answer === undefined || answer.charCodeAt(0) - 65 >= options.length)
				throw new Error(`${where(lines.length - 1)}: bad key "${key}"`);
			return { prompt, options, answer };
		});
}

/** What an Aiken file should say for a question that Aiken can carry, straight from the pack. */
function expectedItem(q: Question): AikenItem | null {
	// One line: the hypothetical case, marked, then the prompt.
	const prompt = expectedQuestionText(q).join(' ');
	if (q.kind === 'single')
		return {
			prompt,
			options: q.options.map((o) => o.text),
			answer: 'ABCDEF'.charAt(q.options.findIndex((o) => o.correct))
		};
	if (q.kind === 'true-false')
		return { prompt, options: ['True', 'False'], answer: q.answer ? 'A' : 'B' };
	return null;
}

function exportAiken(pack: Pack) {
	const { file, notes } = exportPack(pack, pack.id, 'aiken');
	const data = file.data;
	if (typeof data !== 'string') throw new Error('expected a text file');
	return { text: data, items: parseAiken(data), notes };
}

function packOf(...questions: Question[]): Pack {
	return { ...realBankPack(), questions };
}

describe('Aiken export of the whole real bank', () => {
	const pack = realBankPack();
	const { items, notes } = exportAiken(pack);
	const carried = pack.questions.filter((q) => expectedItem(q) !== null);

	it('holds every single-answer and true/false question, in pack order, with prompt, options and key', () => {
		expect(carried.length).toBeGreaterThan(0);
		expect(items).toHaveLength(carried.length);
		carried.forEach((q, i) => expect(items[i], q.id).toEqual(expectedItem(q)));
	});

	it('writes each true/false question as A. True / B. False, keyed on the right answer', () => {
		const trueFalse = carried.filter((q) => q.kind === 'true-false');
		expect(trueFalse.length).toBeGreaterThan(0);
		for (const q of trueFalse) {
			const item = items[carried.indexOf(q)];
			expect(item?.options).toEqual(['True', 'False']);
			expect(item?.answer).toBe(q.kind === 'true-false' && q.answer ? 'A' : 'B');
			const note = notes.find((n) => n.questionId === q.id);
			expect(note?.action).toBe('converted');
			expect(note?.note).toMatch(/two-option multiple choice \(A\. True, B\. False\)/);
		}
	});

	it('leaves out exactly the questions that are not single-answer, each with a note saying why', () => {
		const leftOut = pack.questions.filter((q) => !['single', 'true-false'].includes(q.kind));
		const omitted = notes.filter((n) => n.action === 'omitted');
		expect(omitted.map((n) => n.questionId)).toEqual(leftOut.map((q) => q.id));
		for (const note of omitted) {
			const kind = leftOut.find((q) => q.id === note.questionId)?.kind;
			expect(note.note).toContain(kind === 'multiple' ? 'multiple-answer' : kind);
			expect(note.note).toContain('Aiken carries only single-answer multiple choice');
		}
	});

	it('leaves out every written argument, naming it as one', () => {
		const essays = pack.questions.filter((q) => q.kind === 'essay');
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const q of essays)
			expect(notes.find((n) => n.questionId === q.id)).toEqual({
				questionId: q.id,
				action: 'omitted',
				note: 'written-argument (essay) question left out: Aiken carries only single-answer multiple choice'
			});
	});

	it('puts a hypothetical case, marked as such, before the prompt on the question’s one line, and says so', () => {
		const cases = carried.filter((q) => q.scenario);
		expect(cases.length).toBeGreaterThan(0);
		for (const q of cases) {
			expect(items[carried.indexOf(q)]?.prompt).toBe(
				`Hypothetical case: ${q.scenario} ${q.prompt}`
			);
			expect(notes.find((n) => n.questionId === q.id)?.note).toContain(
				'its hypothetical case and its prompt share one line'
			);
		}
	});

	it('says for every exported question that its explanation, feedback and citations are not carried', () => {
		const converted = notes.filter((n) => n.action === 'converted');
		expect(converted.map((n) => n.questionId)).toEqual(carried.map((q) => q.id));
		for (const note of converted) {
			expect(note.note).toMatch(/explanation/);
			expect(note.note).toMatch(/feedback/);
			expect(note.note).toMatch(/\d+ citations?/);
			expect(note.note).toContain('Aiken has no place for feedback');
		}
	});
});

describe('Aiken export of awkward text', () => {
	it('keeps every special character of prompts and options unchanged', () => {
		const pack = specialCharactersPack();
		const { items } = exportAiken(pack);
		const expected = pack.questions.map(expectedItem).filter((item) => item !== null);
		expect(expected).toHaveLength(2);
		expect(items).toEqual(expected);
	});

	it('puts a prompt or option that spans lines on one line, and says so', () => {
		const q = singleQuestion({
			prompt: 'First line\nsecond line',
			options: [
				{ id: 'a', text: 'Option\r\n  A', correct: true, feedback: 'Yes.' },
				{ id: 'b', text: 'Option B', correct: false, feedback: 'No.' }
			]
		});
		const { items, notes } = exportAiken(packOf(q));
		expect(items).toEqual([
			{ prompt: 'First line second line', options: ['Option A', 'Option B'], answer: 'A' }
		]);
		expect(notes[0]?.note).toContain('line breaks in its text became spaces');
	});

	it('does not mention line breaks for a question that had none', () => {
		const { notes } = exportAiken(packOf(singleQuestion()));
		expect(notes[0]?.note).not.toContain('line breaks');
		expect(notes[0]?.note).not.toContain('hypothetical case');
	});

	it('leaves a written argument out even when it is the only question', () => {
		const { text, notes } = exportAiken(packOf(essayQuestion()));
		expect(text).toBe('');
		expect(notes.map((n) => n.action)).toEqual(['omitted']);
	});

	it('leaves out a question whose prompt Moodle would read as an option or a key, or skip', () => {
		const asOption = singleQuestion({ id: 'as-option', prompt: 'U.S. outlets said what?' });
		const asKey = trueFalseQuestion({ id: 'as-key', prompt: 'ANSWER: is this a key?' });
		const tooShort = singleQuestion({ id: 'too-short', prompt: '?' });
		const { text, notes } = exportAiken(packOf(asOption, asKey, tooShort, singleQuestion()));
		expect(parseAiken(text)).toHaveLength(1);
		expect(notes.filter((n) => n.action === 'omitted')).toEqual([
			{ questionId: 'as-option', action: 'omitted', note: expect.stringContaining('"U."') },
			{ questionId: 'as-key', action: 'omitted', note: expect.stringContaining('"ANSWER:"') },
			{
				questionId: 'too-short',
				action: 'omitted',
				note: expect.stringContaining('two characters')
			}
		]);
	});

	it('leaves out a question whose prompt Moodle would misread once it trims the line as PHP does', () => {
		// Moodle's importer trims each line (spaces, tabs, NUL, vertical tab) before reading it.
		const asOption = singleQuestion({ id: 'tab-option', prompt: '\tA. looks like an option' });
		const asKey = trueFalseQuestion({ id: 'space-key', prompt: '  ANSWER: looks like a key' });
		const short = singleQuestion({ id: 'short', prompt: ' ?\t' });
		const { text, notes } = exportAiken(packOf(asOption, asKey, short, singleQuestion()));
		expect(parseAiken(text)).toEqual([expectedItem(singleQuestion())]);
		expect(notes.filter((n) => n.action === 'omitted')).toEqual([
			{ questionId: 'tab-option', action: 'omitted', note: expect.stringContaining('"A."') },
			{ questionId: 'space-key', action: 'omitted', note: expect.stringContaining('"ANSWER:"') },
			{ questionId: 'short', action: 'omitted', note: expect.stringContaining('two characters') }
		]);
	});

	it('leaves out a question with a control character, a noncharacter or a lone surrogate in its text, naming it', () => {
		const cases = [
			singleQuestion({ id: 'nul-lead', prompt: '\u0000A. NUL before an option label' }),
			singleQuestion({ id: 'bell', prompt: 'Which outlet rang\u0007 the bell?' }),
			trueFalseQuestion({
				id: 'c1',
				scenario: 'A case with a next-line\u0085 control',
				prompt: 'True?'
			}),
			singleQuestion({
				id: 'option',
				options: [
					{ id: 'a', text: 'Fine', correct: true, feedback: 'Yes.' },
					{ id: 'b', text: 'Not \uFFFF fine', correct: false, feedback: 'No.' }
				]
			}),
			singleQuestion({ id: 'surrogate', prompt: 'A lone \uD800 surrogate' })
		];
		const { text, notes } = exportAiken(packOf(...cases, singleQuestion()));
		expect(parseAiken(text)).toEqual([expectedItem(singleQuestion())]);
		const omitted = notes.filter((n) => n.action === 'omitted');
		expect(omitted.map((n) => n.questionId)).toEqual(cases.map((q) => q.id));
		const named = ['U+0000', 'U+0007', 'U+0085', 'U+FFFF', 'U+D800'];
		omitted.forEach((n, i) => expect(n.note).toContain(named[i]));
	});

	it('leaves out a question with an option Moodle would read as blank, which would end the question early', () => {
		const q = singleQuestion({
			id: 'blank-option',
			options: [
				{ id: 'a', text: 'Fine', correct: true, feedback: 'Yes.' },
				{ id: 'b', text: ' \t ', correct: false, feedback: 'No.' }
			]
		});
		const { text, notes } = exportAiken(packOf(q, singleQuestion()));
		expect(parseAiken(text)).toEqual([expectedItem(singleQuestion())]);
		expect(notes[0]).toEqual({
			questionId: 'blank-option',
			action: 'omitted',
			note: expect.stringContaining('option B is blank')
		});
	});

	it('gives an empty file and one note per question when nothing can be carried', () => {
		const pack = specialCharactersPack();
		const rest = pack.questions.filter((q) => q.kind !== 'single' && q.kind !== 'true-false');
		const { text, notes } = exportAiken({ ...pack, questions: rest });
		expect(text).toBe('');
		expect(notes.map((n) => n.action)).toEqual(rest.map(() => 'omitted'));
	});
});

describe('Aiken file', () => {
	it('is named after the pack with the .aiken.txt ending', () => {
		const { file } = exportPack(realBankPack(), 'all', 'aiken');
		expect(file.name).toBe('all.aiken.txt');
		expect(file.mime).toMatch(/^text\/plain/);
	});
});
