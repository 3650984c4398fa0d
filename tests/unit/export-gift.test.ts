import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import {
	parse,
	type Essay,
	type GIFTQuestion,
	type Matching,
	type MultipleChoice,
	type TextFormat,
	type TrueFalse
} from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import type { Pack, Question, QuestionOf } from '../../src/lib/content/schema';
import { generalFeedbackLines, sourceLabel } from '../../src/lib/export/feedback-text';
import { exportPack } from '../../src/lib/export/files';
import { gift } from '../../src/lib/export/gift';
import { moodleQuestionName, shortTitle } from '../../src/lib/export/moodle-bank';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	expectedMarkingLines,
	expectedTags,
	expectedTextWithGuidance,
	multipleQuestion,
	rubricPoints
} from '../helpers/questions';

// Every check reads the file back with gift-pegjs, a GIFT parser independent of the exporter.
// Where gift-pegjs and Moodle read the same GIFT differently (formats.md), the tests read it as
// Moodle does and say so:
// - gift-pegjs joins lines with spaces where Moodle keeps line breaks. The exporter never writes a
//   real line break inside a text, only the escape `\n`, which both turn into a line break; so
//   texts are compared exactly, line breaks included.
// - gift-pegjs stores the two true/false feedbacks by position (trueFeedback = first `#`,
//   falseFeedback = second), whatever the answer. Moodle shows the first to a student who answered
//   wrongly and the second to one who answered rightly, so the tests read them by position.
// - gift-pegjs leaves the right-hand side of a matching row with its escapes as placeholders
//   ("&&058;" for ":"), which Moodle turns back (escapedchar_post); the tests turn them back likewise.
// - A text written as [html] (a text holding "->", which GIFT cannot escape) is compared as the
//   text it displays, decoded by fast-xml-parser.

/** Moodle's grade fractions in percent (formats.md; Moodle's question_bank::fraction_options_full). */
const MOODLE_PERCENTS = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5, 0
].flatMap((p) => (p === 0 ? [0] : [p, -p]));

type HtmlNode = Record<string, unknown>;
const htmlParser = new XMLParser({ preserveOrder: true, trimValues: false, parseTagValue: false });

/** The text a GIFT text displays in Moodle: plain as it is, HTML decoded (`<br />` as a line break). */
function shown(text: TextFormat | null | undefined): string {
	if (!text) return '';
	if (text.format === 'plain') return text.text;
	expect(text.format).toBe('html');
	const [root] = htmlParser.parse(`<root>${text.text}</root>`) as HtmlNode[];
	return (root?.root as HtmlNode[])
		.map((node) => {
			if ('#text' in node) return String(node['#text']);
			if ('br' in node) return '\n';
			throw new Error(`unexpected HTML element <${Object.keys(node).join()}>`);
		})
		.join('');
}

/** What Moodle makes of gift-pegjs's placeholders in a matching answer (its escapedchar_post). */
function moodleSubanswer(text: string): string {
	const placeholders: Record<string, string> = {
		'&&092;': '\\',
		'&&058;': ':',
		'&&035;': '#',
		'&&061;': '=',
		'&&123;': '{',
		'&&125;': '}',
		'&&126;': '~',
		'&&010': '\n'
	};
	return text.replace(/&&(?:092|058|035|061|123|125|126);|&&010/g, (p) => placeholders[p]!);
}

function exportGift(pack: Pack): { text: string; parsed: GIFTQuestion[] } {
	const data = exportPack(pack, pack.id, 'gift').file.data;
	if (typeof data !== 'string') throw new Error('GIFT export must be text');
	return { text: data, parsed: parse(data) };
}

type ParsedQuestion = Exclude<GIFTQuestion, { type: 'Category' }>;

function questionsOf(parsed: GIFTQuestion[]): ParsedQuestion[] {
	return parsed.filter((q): q is ParsedQuestion => q.type !== 'Category');
}

const realPack = realBankPack();
const real = exportGift(realPack);
const realQuestions = questionsOf(real.parsed);
const exported = new Map(realQuestions.map((q) => [q.id, q]));

function exportedFor(q: Question): ParsedQuestion {
	const found = exported.get(q.id);
	if (!found) throw new Error(`question ${q.id} is missing from the export`);
	return found;
}

function asType<T extends ParsedQuestion>(q: ParsedQuestion, type: T['type']): T {
	expect(q.type).toBe(type);
	return q as T;
}

function realOfKind<K extends Question['kind']>(kind: K): QuestionOf<K>[] {
	return realPack.questions.filter((q): q is QuestionOf<K> => q.kind === kind);
}

/** Moodle's own check on multi-response grades: the positive fractions, rounded to 2 places, sum to 1. */
function makesFullMarks(percents: number[]): boolean {
	const total = percents.filter((f) => f > 0).reduce((s, f) => s + f / 100, 0);
	return Math.round(total * 100) / 100 === 1;
}

function globalFeedbackOf(q: ParsedQuestion): string {
	return 'globalFeedback' in q ? shown(q.globalFeedback) : '';
}

describe('GIFT export of the whole bank', () => {
	it('parses with gift-pegjs into the pack’s category, one subcategory per topic, and every question', () => {
		expect(real.parsed.filter((q) => q.type === 'Category')).toHaveLength(
			1 + realPack.topics.length
		);
		expect(realQuestions).toHaveLength(realPack.questions.length);
	});

	it('names the file after the pack with the .gift.txt ending', () => {
		const file = exportPack(realPack, 'all', 'gift').file;
		expect(file.name).toBe('all.gift.txt');
		expect(file.mime).toMatch(/^text\/plain/);
		expect(gift.extension).toBe('gift.txt');
		expect(gift.label).toBe('GIFT');
	});

	it('files the bank under $CATEGORY: $course$/top/<pack title>, one subcategory per topic, in pack order', () => {
		const packPath = `$course$/top/${realPack.title}`;
		const topicTitle = (id: string) => realPack.topics.find((t) => t.id === id)!.title;
		const expected = [`category: ${packPath}`];
		for (const q of realPack.questions) {
			const path = `category: ${packPath}/${topicTitle(q.topic)}`;
			if (!expected.includes(path)) expected.push(path);
			expected.push(q.id);
		}
		const actual = real.parsed.map((q) =>
			q.type === 'Category' ? `category: ${q.title}` : (q.id ?? '?')
		);
		expect(actual).toEqual(expected);
	});

	it('keeps a pack’s own order in one category named after the pack, its instructions in the header comment', () => {
		const ids = ['comp-01', 'comp-02', 'wash-06', 'conf-01', 'comp-03', 'wash-01'];
		const pack = {
			...realPack,
			title: 'Week 3: pay / exposure',
			description: 'Read the two articles first.\nThen answer on your own.',
			questions: ids.map((id) => realPack.questions.find((q) => q.id === id)!)
		};
		const { text, parsed } = exportGift(pack);
		const [category, ...questions] = parsed;
		expect(category).toEqual({ type: 'Category', title: '$course$/top/Week 3: pay // exposure' });
		expect(questions.map((q) => q.type !== 'Category' && q.id)).toEqual(ids);
		expect(questions.map((q) => q.type !== 'Category' && q.title)).toEqual(
			pack.questions.map((q, i) => `0${i + 1} · ${q.id} · ${shortTitle(q.prompt)}`)
		);
		expect(text).toContain(
			'// Instructions: Read the two articles first. Then answer on your own.\n'
		);
	});

	it('names each question by its zero-padded position, its id and the start of its prompt, and gives Moodle its id as the ID number', () => {
		realPack.questions.forEach((q, i) => {
			const x = exportedFor(q);
			expect(x.title, q.id).toBe(
				`${String(i + 1).padStart(3, '0')} · ${q.id} · ${shortTitle(q.prompt)}`
			);
		});
		expect(real.text).toContain('// [id:comp-01] [tag:compensation]');
	});

	it('says in the report what Moodle keeps and does not, and the file’s header says the same', () => {
		const { summary } = exportPack(realPack, 'all', 'gift');
		expect(summary.join(' ')).toMatch(
			/category "Sourced: the Sora leak.*one subcategory per topic/
		);
		expect(summary.join(' ')).toMatch(/ID number/);
		expect(summary.join(' ')).toMatch(/no place for a category's description/);
		expect(summary.join(' ')).toMatch(/adds a second copy of every question/);
		for (const line of summary) expect(real.text).toContain(`// ${line}\n`);
	});

	it('separates questions by a blank line and writes no line break inside a text', () => {
		const blocks = real.text.trim().split(/\n\s*\n/);
		expect(blocks).toHaveLength(1 + 1 + realPack.topics.length + realPack.questions.length);
		for (const block of blocks.slice(1).filter((b) => !b.startsWith('$CATEGORY: ')))
			for (const line of block.split('\n')) expect(line).toMatch(/^(\/\/ |::|\t[=~#TF]|\t####|\})/);
	});

	it('titles each question ::<id>:: and shows its hypothetical case, marked as such, then its prompt as plain text', () => {
		for (const q of realPack.questions) {
			const x = exportedFor(q);
			expect(x.stem.format).toBe('plain');
			const text = shown(x.stem).split('\n\n');
			expect(q.kind === 'ordering' ? text.slice(0, -1) : text, q.id).toEqual(
				expectedTextWithGuidance(q)
			);
		}
	});

	it('writes a written argument as an essay: braces holding only the general feedback, guidance after the prompt', () => {
		const essays = realOfKind('essay');
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const q of essays) {
			const x = asType<Essay>(exportedFor(q), 'Essay');
			expect(shown(x.stem).split('\n\n').at(-1)).toBe(`Guidance: ${q.guidance}`);
		}
	});

	it('puts an essay’s model answer and rubric with points in its general feedback, after the explanation and sources', () => {
		for (const q of realOfKind('essay'))
			expect(globalFeedbackOf(exportedFor(q)), q.id).toBe(
				[...generalFeedbackLines(realPack, q), ...expectedMarkingLines(q)].join('\n')
			);
	});

	it('marks the one right option of a single-answer question with =, the others with ~, each with its own feedback', () => {
		for (const q of realOfKind('single')) {
			const x = asType<MultipleChoice>(exportedFor(q), 'MC');
			expect(
				x.choices.map((c) => [shown(c.text), c.isCorrect, c.weight, shown(c.feedback)])
			).toEqual(q.options.map((o) => [o.text, o.correct, null, o.feedback]));
		}
	});

	it('gives each right answer of a multiple-answer question an equal positive weight and each wrong one the same weight negated', () => {
		for (const q of realOfKind('multiple')) {
			const x = asType<MultipleChoice>(exportedFor(q), 'MC');
			const k = q.options.filter((o) => o.correct).length;
			expect(x.choices.every((c) => !c.isCorrect)).toBe(true);
			q.options.forEach((o, i) => {
				const choice = x.choices[i]!;
				expect(shown(choice.text)).toBe(o.text);
				expect(shown(choice.feedback)).toBe(o.feedback);
				expect(choice.weight).toBeCloseTo((o.correct ? 100 : -100) / k, 4);
			});
		}
	});

	it('uses only weights from Moodle’s list, the right ones adding up to 100 as Moodle checks it', () => {
		for (const q of realOfKind('multiple')) {
			const weights = asType<MultipleChoice>(exportedFor(q), 'MC').choices.map(
				(c) => c.weight ?? NaN
			);
			for (const w of weights) expect(MOODLE_PERCENTS).toContain(w);
			expect(makesFullMarks(weights)).toBe(true);
		}
	});

	it('keeps the weights on Moodle’s list and adding up to 100 for two to seven right answers', () => {
		for (let k = 2; k <= 7; k++) {
			const options = Array.from({ length: k + 1 }, (_, i) => ({
				id: `o${i}`,
				text: `Option ${i}`,
				correct: i < k,
				feedback: `Feedback ${i}`
			}));
			const pack = { ...realPack, questions: [multipleQuestion({ id: `k-${k}`, options })] };
			const [x] = questionsOf(exportGift(pack).parsed);
			const weights = asType<MultipleChoice>(x!, 'MC').choices.map((c) => c.weight ?? NaN);
			for (const w of weights) expect(MOODLE_PERCENTS).toContain(w);
			expect(makesFullMarks(weights)).toBe(true);
			expect(weights[k]).toBe(-weights[0]!);
		}
	});

	it('writes true/false so Moodle shows ifTrue to a student who picks true and ifFalse to one who picks false', () => {
		for (const q of realOfKind('true-false')) {
			const x = asType<TrueFalse>(exportedFor(q), 'TF');
			expect(x.isTrue).toBe(q.answer);
			// By position, as Moodle reads them: the first # for the wrong choice, the second for the right one.
			const [forWrongChoice, forRightChoice] = [shown(x.trueFeedback), shown(x.falseFeedback)];
			const forTrue = q.answer ? forRightChoice : forWrongChoice;
			const forFalse = q.answer ? forWrongChoice : forRightChoice;
			expect(forTrue).toBe(q.feedback.ifTrue);
			expect(forFalse).toBe(q.feedback.ifFalse);
		}
	});

	it('matches each left-hand text of a matching question to its own right-hand text', () => {
		for (const q of realOfKind('matching')) {
			const x = asType<Matching>(exportedFor(q), 'Matching');
			expect(x.matchPairs.map((m) => [shown(m.subquestion), moodleSubanswer(m.subanswer)])).toEqual(
				q.pairs.map((p) => [p.left, p.right])
			);
		}
	});

	it('exports an ordering question as matching, each item -> "Position N" (the ends named), says so in the text, and never lists the items in the right order', () => {
		for (const q of realOfKind('ordering')) {
			const x = asType<Matching>(exportedFor(q), 'Matching');
			const rows = x.matchPairs.map((m) => [shown(m.subquestion), moodleSubanswer(m.subanswer)]);
			const ends = (i: number) =>
				i === 0 ? ' (first)' : i === q.items.length - 1 ? ' (last)' : '';
			const expected = q.items.map((item, i) => [item.text, `Position ${i + 1}${ends(i)}`]);
			expect(rows).toHaveLength(q.items.length);
			expect(rows).toEqual(expect.arrayContaining(expected));
			expect(rows).not.toEqual(expected);
			const text = shown(x.stem).split('\n\n');
			expect(text.slice(0, -1)).toEqual(expectedTextWithGuidance(q));
			expect(text.at(-1)).toMatch(/matching question.*Position 1/);
		}
	});

	it('carries the explanation and every cited passage with its outlet in the general feedback', () => {
		for (const q of realPack.questions) {
			if (q.kind === 'essay') continue;
			const feedback = globalFeedbackOf(exportedFor(q)).split('\n');
			expect(feedback[0]).toBe(q.explanation);
			for (const c of q.citations)
				expect(feedback).toContainEqual(
					expect.stringContaining(`${quotedPassage(c.exact)} — ${sourceLabel(realPack, c.source)}`)
				);
			expect(feedback).toEqual(generalFeedbackLines(realPack, q));
		}
	});

	it('tags each question with its topic, its difficulty and its cognitive level in a // [tag:…] comment', () => {
		for (const q of realPack.questions) {
			expect(exportedFor(q).tags).toEqual(expectedTags(q));
			expect(exportedFor(q).tags).toContain(q.level);
		}
	});
});

describe('GIFT export of special characters', () => {
	const pack = specialCharactersPack();
	const { text, parsed } = exportGift(pack);
	const questions = questionsOf(parsed);
	const byTitle = (id: string) => questions.find((q) => q.id === id)!;

	it('escapes ~ = # { } : and backslash wherever they are text', () => {
		const prompt = pack.questions[0]!.prompt;
		expect(text).toContain(prompt.replace(/[\\~=#{}:]/g, '\\$&'));
	});

	it('brings back every text field unchanged', () => {
		expect(parsed[0]).toEqual({ type: 'Category', title: `$course$/top/${pack.title}` });
		for (const q of pack.questions) {
			const x = byTitle(q.id);
			expect(x.id).toBe(q.id);
			expect(x.title).toContain(` · ${q.id} · `);
			expect(shown(x.stem).split('\n\n')[0]).toBe(expectedTextWithGuidance(q)[0]);
			expect(shown(x.stem).split('\n\n')).toContain(q.prompt);
			if (q.kind !== 'essay')
				expect(globalFeedbackOf(x).split('\n')).toEqual(generalFeedbackLines(pack, q));
			switch (q.kind) {
				case 'single':
				case 'multiple':
					expect(
						asType<MultipleChoice>(x, 'MC').choices.map((c) => [shown(c.text), shown(c.feedback)])
					).toEqual(q.options.map((o) => [o.text, o.feedback]));
					break;
				case 'true-false': {
					const tf = asType<TrueFalse>(x, 'TF');
					// {F#…#…}: the first feedback is for the wrong choice (true), the second for the right one.
					expect([shown(tf.trueFeedback), shown(tf.falseFeedback)]).toEqual([
						q.feedback.ifTrue,
						q.feedback.ifFalse
					]);
					break;
				}
				case 'matching':
					expect(
						asType<Matching>(x, 'Matching').matchPairs.map((m) => [
							shown(m.subquestion),
							moodleSubanswer(m.subanswer)
						])
					).toEqual(q.pairs.map((p) => [p.left, p.right]));
					break;
				case 'ordering':
					expect(
						asType<Matching>(x, 'Matching')
							.matchPairs.map((m) => shown(m.subquestion))
							.sort()
					).toEqual(q.items.map((i) => i.text).sort());
					break;
				case 'essay':
					expect(shown(asType<Essay>(x, 'Essay').stem).split('\n\n')).toEqual(
						expectedTextWithGuidance(q)
					);
					expect(globalFeedbackOf(x)).toBe(
						[...generalFeedbackLines(pack, q), ...expectedMarkingLines(q)].join('\n')
					);
					expect(x.tags).toEqual(expectedTags(q));
					break;
			}
		}
	});

	it('writes the true/false answer "true" as {T#ifFalse#ifTrue}, so the second feedback is the right choice’s', () => {
		const tf = pack.questions.find((q): q is QuestionOf<'true-false'> => q.kind === 'true-false')!;
		const flipped = { ...pack, questions: [{ ...tf, answer: true }] };
		const [x] = questionsOf(exportGift(flipped).parsed);
		const parsedTf = asType<TrueFalse>(x!, 'TF');
		expect(parsedTf.isTrue).toBe(true);
		expect([shown(parsedTf.trueFeedback), shown(parsedTf.falseFeedback)]).toEqual([
			tf.feedback.ifFalse,
			tf.feedback.ifTrue
		]);
	});

	it('doubles a backslash in a category name only where Moodle would read it as an escape', () => {
		const { text: file } = exportGift({ ...pack, title: 'C:\\new \\ path/part' });
		expect(file).toContain('$CATEGORY: $course$/top/C:\\\\new \\ path//part\n');
	});
});

describe('GIFT conversion notes', () => {
	const { notes } = exportPack(realPack, 'all', 'gift');
	const orderingIds = realOfKind('ordering').map((q) => q.id);
	const essays = realOfKind('essay');
	const header = real.text.slice(0, real.text.indexOf('\n\n')).split('\n');

	it('notes every ordering question as converted to matching with the reason', () => {
		const ordering = notes.filter((n) => orderingIds.includes(n.questionId));
		expect(ordering.map((n) => n.questionId).sort()).toEqual([...orderingIds].sort());
		for (const n of ordering) {
			expect(n.action).toBe('converted');
			expect(n.note).toMatch(/ordering exported as matching/);
			expect(n.note).toMatch(/Position N/);
			expect(n.note).toMatch(/GIFT has no ordering question/);
			expect(n.note).toMatch(
				/The marks differ: Moodle gives a share of the mark for each item matched to its right position, where Sourced gives a share for each neighbouring pair/
			);
		}
	});

	it('notes every essay: model answer and rubric in the general feedback students see, and the mark to set', () => {
		for (const q of essays) {
			const n = notes.find((note) => note.questionId === q.id);
			expect(n?.action, q.id).toBe('converted');
			expect(n?.note).toContain('GIFT has no grader information');
			expect(n?.note).toContain('general feedback, which Moodle shows students after the attempt');
			expect(n?.note).toContain(`set it to ${rubricPoints(q)}`);
		}
		expect(notes).toHaveLength(orderingIds.length + essays.length);
	});

	it('lists the same conversions in // comment lines at the top of the file', () => {
		expect(header.every((line) => line.startsWith('// '))).toBe(true);
		expect(header).toContain(`// Conversions (${notes.length}):`);
		for (const n of notes) expect(header).toContain(`// - ${n.questionId}: converted. ${n.note}`);
	});

	it('says there is nothing to convert when the pack has no ordering question and no essay', () => {
		const pack = {
			...realPack,
			questions: realPack.questions.filter((q) => q.kind !== 'ordering' && q.kind !== 'essay')
		};
		const result = exportPack(pack, 'no-ordering', 'gift');
		expect(result.notes).toEqual([]);
		expect(result.file.data).toContain('// Conversions: none');
	});
});

describe('GIFT texts that Moodle would read as a format marker or decode as a placeholder', () => {
	// Moodle's GIFT importer reads a format marker ([html], [markdown], [moodle], [plain]) at the
	// start of every text but a question's name and a matching row's right-hand side, after
	// trimming it, and decodes its own escape placeholders ("&&035;" for "#" and the others,
	// escapedchar_pre/post) wherever they appear. gift-pegjs models both for every formatted text
	// and for names (it decodes the placeholders as Moodle does); for a matching row's right-hand
	// side it leaves them to Moodle, so `moodleSubanswer` decodes them as Moodle does.
	const base = specialCharactersPack();
	const single = base.questions.find((q): q is QuestionOf<'single'> => q.kind === 'single')!;
	const multiple = base.questions.find((q): q is QuestionOf<'multiple'> => q.kind === 'multiple')!;
	const trueFalse = base.questions.find(
		(q): q is QuestionOf<'true-false'> => q.kind === 'true-false'
	)!;
	const matching = base.questions.find((q): q is QuestionOf<'matching'> => q.kind === 'matching')!;
	const ordering = base.questions.find((q): q is QuestionOf<'ordering'> => q.kind === 'ordering')!;

	/** The one question of a pack holding just `q`, as gift-pegjs reads the export. */
	function exportOne<T extends ParsedQuestion>(q: Question, type: T['type']): T {
		const [x] = questionsOf(exportGift({ ...base, questions: [q] }).parsed);
		return asType<T>(x!, type);
	}

	/** Any text, built from the pieces Moodle and GIFT read specially and from any characters. */
	const anyText = fc
		.array(
			fc.oneof(
				fc.constantFrom(
					'[html]',
					'[markdown]',
					'[moodle]',
					'[plain]',
					'[',
					']',
					' ',
					'  ',
					'\t',
					'\n',
					'\r\n',
					'->',
					'&&035;',
					'&&010',
					'&&092;',
					'&&058;',
					'&&126;',
					'&',
					'\\',
					'~',
					'=',
					'#',
					'{',
					'}',
					':',
					'%50%',
					'<b>bold</b>',
					'&amp;',
					'\u00a0',
					'\u0000'
				),
				fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme' })
			),
			{ minLength: 1, maxLength: 10 }
		)
		// Pack texts are trimmed and have no carriage returns by the time an exporter sees them.
		.map((pieces) => pieces.join('').replace(/\r\n?/g, '\n').trim())
		.filter((text) => text.length > 0);

	/**
	 * The text as gift-pegjs gives back a plain text that Moodle keeps as written: it joins each run
	 * of white space within a line into one space.
	 */
	function asRead(text: string, format: string): string {
		if (format === 'html') return text;
		return text
			.split('\n')
			.map((line) => line.replace(/\s\s+/g, ' '))
			.join('\n');
	}

	/** Checks that a formatted text arrived as written, as plain text or as HTML that shows it. */
	function expectArrived(parsed: TextFormat | null | undefined, text: string): void {
		expect(['plain', 'html']).toContain(parsed?.format);
		expect(shown(parsed)).toBe(asRead(text, parsed!.format));
	}

	const runs = { numRuns: 60 };

	it('keeps the question text as written, whatever it starts with', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const x = exportOne<MultipleChoice>({ ...single, prompt: text }, 'MC');
				expectArrived(x.stem, text);
			}),
			runs
		);
	});

	it('keeps the general feedback as written, whatever the explanation starts with', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const q = { ...single, explanation: text };
				const x = exportOne<MultipleChoice>(q, 'MC');
				expectArrived(x.globalFeedback, generalFeedbackLines(base, q).join('\n'));
			}),
			runs
		);
	});

	it('keeps each option of a single-answer question and its feedback as written, right or wrong', () => {
		fc.assert(
			fc.property(anyText, anyText, (text, feedback) => {
				for (const index of [0, 1]) {
					const options = single.options.map((o, i) =>
						i === index ? { ...o, text, feedback } : o
					);
					const x = exportOne<MultipleChoice>({ ...single, options }, 'MC');
					expect(x.choices.map((c) => c.isCorrect)).toEqual(options.map((o) => o.correct));
					expectArrived(x.choices[index]!.text, text);
					expectArrived(x.choices[index]!.feedback, feedback);
				}
			}),
			runs
		);
	});

	it('keeps each option of a multiple-answer question and its feedback as written, after its weight', () => {
		fc.assert(
			fc.property(anyText, anyText, (text, feedback) => {
				const options = multiple.options.map((o, i) => (i === 2 ? { ...o, text, feedback } : o));
				const x = exportOne<MultipleChoice>({ ...multiple, options }, 'MC');
				expect(x.choices[2]!.weight).toBe(-50);
				expectArrived(x.choices[2]!.text, text);
				expectArrived(x.choices[2]!.feedback, feedback);
			}),
			runs
		);
	});

	it('keeps both true/false feedbacks as written', () => {
		fc.assert(
			fc.property(anyText, anyText, (ifTrue, ifFalse) => {
				const x = exportOne<TrueFalse>({ ...trueFalse, feedback: { ifTrue, ifFalse } }, 'TF');
				// {F#…#…}: the first is the feedback for the wrong choice (true).
				expectArrived(x.trueFeedback, ifTrue);
				expectArrived(x.falseFeedback, ifFalse);
			}),
			runs
		);
	});

	it('keeps a matching row’s left-hand text as written, and its right-hand text but for a word joiner inside a placeholder', () => {
		fc.assert(
			fc.property(anyText, anyText, (left, right) => {
				const pairs = matching.pairs.map((p, i) => (i === 0 ? { ...p, left, right } : p));
				const x = exportOne<Matching>({ ...matching, pairs }, 'Matching');
				expect(x.matchPairs).toHaveLength(pairs.length);
				expectArrived(x.matchPairs[0]!.subquestion, left);
				const arrived = moodleSubanswer(x.matchPairs[0]!.subanswer);
				expect(arrived.replaceAll('\u2060', '')).toBe(asRead(right, 'plain'));
			}),
			runs
		);
	});

	it('keeps an ordering item, matched to its position, as written', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const items = ordering.items.map((item, i) => (i === 0 ? { ...item, text } : item));
				const x = exportOne<Matching>({ ...ordering, items }, 'Matching');
				const row = x.matchPairs.find((m) => m.subanswer === 'Position 1 (first)');
				expectArrived(row?.subquestion, text);
			}),
			runs
		);
	});

	it('keeps a question’s name, which starts with its prompt, from decoding a placeholder', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const q = { ...single, prompt: text };
				const x = exportOne<MultipleChoice>(q, 'MC');
				const name = moodleQuestionName({ question: q, position: 1 }, 1);
				expect(x.title?.replaceAll('\u2060', '')).toBe(name);
			}),
			runs
		);
	});

	it('writes "[html]" at the start of an explanation, after a space or a NUL, as plain text (issue 12)', () => {
		for (const explanation of ['[html]<b>bold</b>', ' [markdown]*x*', '\u0000[moodle]x']) {
			const q = { ...single, explanation: explanation.trim() };
			const x = exportOne<MultipleChoice>(q, 'MC');
			expect(x.globalFeedback?.format).toBe('plain');
			expect(shown(x.globalFeedback).split('\n')[0]).toBe(explanation.trim());
		}
	});

	it('keeps "&&035;" in a prompt and "&&092;" in a pack title from turning into "#" and "\\"', () => {
		const q = { ...single, prompt: 'Ask &&035; and &&010 here' };
		const x = exportOne<MultipleChoice>(q, 'MC');
		expect(shown(x.stem)).toBe('Ask &&035; and &&010 here');
		const { text } = exportGift({ ...base, title: 'Week &&092; one', questions: [single] });
		expect(text).toContain('$CATEGORY: $course$/top/Week &\u2060&092; one\n');
	});

	it('notes a matching question whose right-hand text holds a placeholder', () => {
		const pairs = matching.pairs.map((p, i) => (i === 0 ? { ...p, right: 'a &&035; b' } : p));
		const { notes } = exportPack({ ...base, questions: [{ ...matching, pairs }] }, 'x', 'gift');
		expect(notes).toEqual([
			expect.objectContaining({ questionId: matching.id, note: expect.stringContaining('&&035;') })
		]);
	});
});
