import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Pack, Question, QuestionOf } from '../../src/lib/content/schema';
import { generalFeedbackLines, sourceLabel } from '../../src/lib/export/feedback-text';
import { exportPack } from '../../src/lib/export/files';
import { shortTitle } from '../../src/lib/export/moodle-bank';
import { scoreOrdering } from '../../src/lib/quiz/scoring';
import { moodleRelativeNextExcludeLast, permutations } from '../helpers/moodle-ordering';
import { moodleXml } from '../../src/lib/export/moodle-xml';
import { quotedPassage } from '../../src/lib/text/quoted-passage';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	expectedMarkingLines,
	expectedTags,
	expectedTextWithGuidance,
	multipleQuestion,
	rubricPoints
} from '../helpers/questions';

// Every check reads the file back with fast-xml-parser, an XML parser independent of the exporter,
// and the HTML inside the text fields with fast-xml-parser too, as the text a student would see.

/** Moodle's grade fractions in percent (formats.md; Moodle's question_bank::fraction_options_full). */
const MOODLE_PERCENTS = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5, 0
].flatMap((p) => (p === 0 ? [0] : [p, -p]));

interface TextField {
	text: string;
	'@'?: { format?: string };
}
interface XmlAnswer extends TextField {
	'@': { fraction: string; format: string };
	feedback: TextField;
}
interface XmlSubquestion extends TextField {
	answer: TextField[];
}
interface XmlQuestion {
	'@': { type: string };
	category?: TextField;
	info?: TextField;
	idnumber?: string;
	name?: TextField;
	questiontext?: TextField;
	generalfeedback?: TextField;
	single?: string;
	shuffleanswers?: string;
	defaultgrade?: string;
	responseformat?: string;
	responserequired?: string;
	responsefieldlines?: string;
	attachments?: string;
	attachmentsrequired?: string;
	graderinfo?: TextField;
	answer?: XmlAnswer[];
	subquestion?: XmlSubquestion[];
	layouttype?: string;
	selecttype?: string;
	selectcount?: string;
	gradingtype?: string;
	showgrading?: string;
	numberingstyle?: string;
	shownumcorrect?: string;
	correctfeedback?: TextField;
	partiallycorrectfeedback?: TextField;
	incorrectfeedback?: TextField;
	hint?: TextField[];
	tags?: { tag: TextField[] };
}
interface XmlFile {
	'#comment'?: string;
	quiz: { question: XmlQuestion[] };
}

const xmlParser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	attributesGroupName: '@',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	commentPropName: '#comment',
	isArray: (name) => ['question', 'answer', 'subquestion', 'tag', 'hint'].includes(name)
});

type HtmlNode = Record<string, unknown>;
const htmlParser = new XMLParser({ preserveOrder: true, trimValues: false, parseTagValue: false });

/** The text an HTML fragment displays: `<br />` as a line break, entities decoded. */
function displayedText(nodes: HtmlNode[]): string {
	return nodes
		.map((node) => {
			if ('#text' in node) return String(node['#text']);
			if ('br' in node) return '\n';
			throw new Error(`unexpected HTML element <${Object.keys(node).join()}>`);
		})
		.join('');
}

/** The paragraphs of a Moodle HTML text field, each as the text it displays. */
function paragraphsOf(field: TextField | undefined): string[] {
	expect(field?.['@']?.format).toBe('html');
	const [root] = htmlParser.parse(`<root>${field?.text ?? ''}</root>`) as HtmlNode[];
	return (root?.root as HtmlNode[]).map((node) => {
		if (!('p' in node))
			throw new Error(`expected only <p> paragraphs, found ${JSON.stringify(node)}`);
		return displayedText(node.p as HtmlNode[]);
	});
}

function exportXml(pack: Pack): { xml: string; file: XmlFile } {
	const data = exportPack(pack, pack.id, 'moodleXml').file.data;
	if (typeof data !== 'string') throw new Error('Moodle XML export must be text');
	return { xml: data, file: xmlParser.parse(data) as XmlFile };
}

const realPack = realBankPack();
const real = exportXml(realPack);
const realQuestions = real.file.quiz.question.filter((q) => q['@'].type !== 'category');
const exported = new Map(realQuestions.map((q) => [q.idnumber, q]));

/** The exported question for a pack question, found by its ID number (= question id). */
function exportedFor(q: Question): XmlQuestion {
	const found = exported.get(q.id);
	if (!found) throw new Error(`question ${q.id} is missing from the export`);
	return found;
}

function realOfKind<K extends Question['kind']>(kind: K): QuestionOf<K>[] {
	return realPack.questions.filter((q): q is QuestionOf<K> => q.kind === kind);
}

/** Moodle's own check on multi-response grades: the positive fractions, rounded to 2 places, sum to 1. */
function makesFullMarks(fractions: number[]): boolean {
	const total = fractions.filter((f) => f > 0).reduce((s, f) => s + f / 100, 0);
	return Math.round(total * 100) / 100 === 1;
}

describe('Moodle XML export of the whole bank', () => {
	it('is well-formed XML with one <quiz> root', () => {
		expect(XMLValidator.validate(real.xml)).toBe(true);
		expect(real.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		expect(real.file.quiz.question.length).toBeGreaterThan(realPack.questions.length);
	});

	it('names the file after the pack with the .moodle.xml ending', () => {
		const file = exportPack(realPack, 'all', 'moodleXml').file;
		expect(file.name).toBe('all.moodle.xml');
		expect(file.mime).toBe('application/xml');
		expect(moodleXml.extension).toBe('moodle.xml');
		expect(moodleXml.label).toBe('Moodle XML');
	});

	it('files the bank under a category named after it, its description as the category info, one subcategory per topic, in pack order', () => {
		const packPath = `$course$/top/${realPack.title}`;
		const topicTitle = (id: string) => realPack.topics.find((t) => t.id === id)!.title;
		const expected = [`category: ${packPath}`];
		for (const q of realPack.questions) {
			const path = `category: ${packPath}/${topicTitle(q.topic)}`;
			if (!expected.includes(path)) expected.push(path);
			expected.push(q.id);
		}
		const actual = real.file.quiz.question.map((q) =>
			q['@'].type === 'category' ? `category: ${q.category?.text}` : (q.idnumber ?? '?')
		);
		expect(actual).toEqual(expected);
		const [packCategory] = real.file.quiz.question;
		expect(paragraphsOf(packCategory?.info)).toEqual([realPack.description]);
	});

	it('keeps a pack’s own order in one category named after the pack, with its instructions, even when topics alternate', () => {
		const ids = ['comp-01', 'comp-02', 'wash-06', 'conf-01', 'comp-03', 'wash-01'];
		const pack = {
			...realPack,
			title: 'Week 3: pay / exposure',
			description: 'Read the two articles first.\nThen answer on your own.',
			questions: ids.map((id) => realPack.questions.find((q) => q.id === id)!)
		};
		const { file } = exportXml(pack);
		const [category, ...questions] = file.quiz.question;
		expect(category?.['@'].type).toBe('category');
		// Moodle splits a category path at a single "/", so a slash in the title is doubled.
		expect(category?.category?.text).toBe('$course$/top/Week 3: pay // exposure');
		expect(paragraphsOf(category?.info)).toEqual([pack.description]);
		expect(questions.map((q) => q.idnumber)).toEqual(ids);
		expect(questions.map((q) => q.name?.text)).toEqual(
			pack.questions.map((q, i) => `0${i + 1} · ${q.id} · ${shortTitle(q.prompt)}`)
		);
	});

	it('names each question by its zero-padded position, its id and the start of its prompt, and sets its ID number to its id', () => {
		realPack.questions.forEach((q, i) => {
			const x = exportedFor(q);
			expect(x.idnumber).toBe(q.id);
			const name = x.name?.text ?? '';
			expect(name, q.id).toBe(
				`${String(i + 1).padStart(3, '0')} · ${q.id} · ${shortTitle(q.prompt)}`
			);
			expect(name.length).toBeLessThan(100);
		});
		expect(exportedFor(realPack.questions[0]!).name?.text).toMatch(
			/^001 · comp-01 · ReadWrite reports that OpenAI gave hundreds of artists…$/
		);
	});

	it('says in the report what Moodle keeps and does not, and the file’s comment says the same', () => {
		const { summary } = exportPack(realPack, 'all', 'moodleXml');
		expect(summary.join(' ')).toMatch(
			/category "Sourced: the Sora leak.*one subcategory per topic/
		);
		expect(summary.join(' ')).toMatch(/ID number/);
		expect(summary.join(' ')).toMatch(/adds a second copy of every question/);
		for (const line of summary) expect(real.file['#comment']).toContain(line);
	});

	it('exports every question once, named by its id, as the Moodle type for its kind', () => {
		const moodleType = {
			single: 'multichoice',
			multiple: 'multichoice',
			'true-false': 'truefalse',
			matching: 'matching',
			ordering: 'ordering',
			essay: 'essay'
		};
		expect(realQuestions).toHaveLength(realPack.questions.length);
		for (const q of realPack.questions) expect(exportedFor(q)['@'].type).toBe(moodleType[q.kind]);
	});

	it('shows each question’s hypothetical case, marked as such, then its prompt as its text', () => {
		for (const q of realPack.questions) {
			expect(paragraphsOf(exportedFor(q).questiontext), q.id).toEqual(expectedTextWithGuidance(q));
		}
		expect(realPack.questions.some((q) => q.scenario)).toBe(true);
	});

	it('writes a written argument as an essay in the editor, 15 lines, no files, guidance after the prompt', () => {
		const essays = realOfKind('essay');
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const q of essays) {
			const x = exportedFor(q);
			expect(paragraphsOf(x.questiontext), q.id).toEqual(expectedTextWithGuidance(q));
			expect([x.responseformat, x.responserequired, x.responsefieldlines]).toEqual([
				'editor',
				'1',
				'15'
			]);
			expect([x.attachments, x.attachmentsrequired]).toEqual(['0', '0']);
			expect(x.answer).toBeUndefined();
		}
	});

	it('grades an essay out of its rubric’s total, and every other question out of 1', () => {
		for (const q of realPack.questions)
			expect(Number(exportedFor(q).defaultgrade), q.id).toBe(
				q.kind === 'essay' ? rubricPoints(q) : 1
			);
	});

	it('puts an essay’s model answer and rubric, with points, in the grader information only', () => {
		for (const q of realOfKind('essay')) {
			const x = exportedFor(q);
			expect(paragraphsOf(x.graderinfo), q.id).toEqual(expectedMarkingLines(q));
			expect(paragraphsOf(x.generalfeedback).join('\n')).not.toContain(q.modelAnswer);
		}
	});

	it('gives the one right option of a single-answer question 100 and the others 0, each with its own feedback', () => {
		for (const q of realOfKind('single')) {
			const x = exportedFor(q);
			expect(x.single).toBe('true');
			expect(x.answer).toHaveLength(q.options.length);
			q.options.forEach((o, i) => {
				const answer = x.answer![i]!;
				expect(paragraphsOf(answer)).toEqual([o.text]);
				expect(Number(answer['@'].fraction)).toBe(o.correct ? 100 : 0);
				expect(paragraphsOf(answer.feedback)).toEqual([o.feedback]);
			});
		}
	});

	it('gives each right answer of a multiple-answer question an equal positive weight and each wrong one the same weight negated', () => {
		for (const q of realOfKind('multiple')) {
			const x = exportedFor(q);
			const k = q.options.filter((o) => o.correct).length;
			expect(x.single).toBe('false');
			q.options.forEach((o, i) => {
				const answer = x.answer![i]!;
				expect(paragraphsOf(answer)).toEqual([o.text]);
				expect(paragraphsOf(answer.feedback)).toEqual([o.feedback]);
				expect(Number(answer['@'].fraction)).toBeCloseTo((o.correct ? 100 : -100) / k, 4);
			});
		}
	});

	it('uses only grades from Moodle’s list, the right ones adding up to 100 as Moodle checks it', () => {
		for (const q of realOfKind('multiple')) {
			const fractions = exportedFor(q).answer!.map((a) => Number(a['@'].fraction));
			for (const f of fractions) expect(MOODLE_PERCENTS).toContain(f);
			expect(makesFullMarks(fractions)).toBe(true);
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
			const [x] = exportXml(pack).file.quiz.question.filter((q) => q['@'].type !== 'category');
			const fractions = x!.answer!.map((a) => Number(a['@'].fraction));
			for (const f of fractions) expect(MOODLE_PERCENTS).toContain(f);
			expect(makesFullMarks(fractions)).toBe(true);
			expect(fractions[k]).toBe(-fractions[0]!);
		}
	});

	it('writes true/false as the answers "true" and "false", ifTrue feedback on "true" and ifFalse on "false"', () => {
		for (const q of realOfKind('true-false')) {
			const answers = exportedFor(q).answer!;
			const byText = new Map(answers.map((a) => [a.text, a]));
			expect([...byText.keys()].sort()).toEqual(['false', 'true']);
			expect(Number(byText.get('true')!['@'].fraction)).toBe(q.answer ? 100 : 0);
			expect(Number(byText.get('false')!['@'].fraction)).toBe(q.answer ? 0 : 100);
			expect(paragraphsOf(byText.get('true')!.feedback)).toEqual([q.feedback.ifTrue]);
			expect(paragraphsOf(byText.get('false')!.feedback)).toEqual([q.feedback.ifFalse]);
		}
	});

	it('matches each left-hand text of a matching question to its own right-hand text', () => {
		for (const q of realOfKind('matching')) {
			const rows = exportedFor(q).subquestion!.map((s) => ({
				left: paragraphsOf(s)[0],
				right: s.answer[0]?.text
			}));
			expect(rows).toEqual(q.pairs.map((p) => ({ left: p.left, right: p.right })));
		}
	});

	it('exports an ordering question as Moodle’s own ordering question, every item shown, graded by neighbouring pairs, the items in the right order', () => {
		const ordering = realOfKind('ordering');
		expect(ordering.length).toBeGreaterThanOrEqual(10);
		for (const q of ordering) {
			const x = exportedFor(q);
			expect(x['@'].type).toBe('ordering');
			expect([x.layouttype, x.selecttype, x.selectcount, x.gradingtype]).toEqual([
				'VERTICAL',
				'ALL',
				String(q.items.length),
				'RELATIVE_NEXT_EXCLUDE_LAST'
			]);
			expect([x.showgrading, x.numberingstyle]).toEqual(['SHOW', 'none']);
			// qtype_ordering reads the order from the answers' order; "fraction" is each one's place.
			expect(x.answer!.map((a) => [Number(a['@'].fraction), paragraphsOf(a)])).toEqual(
				q.items.map((item, i) => [i + 1, [item.text]])
			);
			expect(x.subquestion).toBeUndefined();
			expect(paragraphsOf(x.questiontext)).toEqual(expectedTextWithGuidance(q));
		}
	});

	it('writes an ordering question’s combined feedback, shownumcorrect and hints with a format, which Moodle’s importer needs on PostgreSQL', () => {
		for (const q of realOfKind('ordering')) {
			const x = exportedFor(q);
			expect(x.shownumcorrect).toBe('1');
			for (const field of [x.correctfeedback, x.partiallycorrectfeedback, x.incorrectfeedback])
				expect(field?.['@']?.format).toBe('html');
			expect(x.hint).toHaveLength(2);
			for (const hint of x.hint!) expect(hint['@']?.format).toBe('html');
		}
	});

	it('grades ordering in Moodle exactly as Sourced does, for every order of three to six items', () => {
		for (let n = 3; n <= 6; n++) {
			const correct = Array.from({ length: n }, (_, i) => `i${i}`);
			for (const given of permutations(correct))
				expect(moodleRelativeNextExcludeLast(correct, given), given.join()).toBeCloseTo(
					scoreOrdering(correct, given),
					12
				);
		}
	});

	it('shuffles answers as the pack settings say', () => {
		const fixed = exportXml({
			...realPack,
			settings: { ...realPack.settings, shuffleOptions: false }
		});
		const shuffledValue = (file: XmlFile, kind: 'multichoice' | 'matching') =>
			new Set(file.quiz.question.filter((q) => q['@'].type === kind).map((q) => q.shuffleanswers));
		expect(shuffledValue(real.file, 'multichoice')).toEqual(new Set(['true']));
		expect(shuffledValue(real.file, 'matching')).toEqual(new Set(['true']));
		expect(shuffledValue(fixed.file, 'multichoice')).toEqual(new Set(['false']));
		expect(shuffledValue(fixed.file, 'matching')).toEqual(new Set(['false']));
	});

	it('carries the explanation and every cited passage with its outlet in the general feedback', () => {
		for (const q of realPack.questions) {
			const feedback = paragraphsOf(exportedFor(q).generalfeedback);
			expect(feedback[0]).toBe(q.explanation);
			for (const c of q.citations)
				expect(feedback).toContainEqual(
					expect.stringContaining(`${quotedPassage(c.exact)} — ${sourceLabel(realPack, c.source)}`)
				);
			expect(feedback).toEqual(generalFeedbackLines(realPack, q));
		}
	});

	it('tags each question with its topic, its difficulty and its cognitive level', () => {
		for (const q of realPack.questions) {
			const tags = exportedFor(q).tags?.tag.map((t) => t.text);
			expect(tags).toEqual(expect.arrayContaining([q.topic, q.difficulty, ...q.tags]));
			expect(tags, q.id).toEqual(expectedTags(q));
			expect(tags).toContain(q.level);
		}
	});
});

describe('Moodle XML export of special characters', () => {
	const pack = specialCharactersPack();
	const { xml, file } = exportXml(pack);
	const questions = file.quiz.question.filter((q) => q['@'].type !== 'category');
	const byName = (id: string) => questions.find((q) => q.idnumber === id)!;

	it('is well-formed XML', () => {
		expect(XMLValidator.validate(xml)).toBe(true);
	});

	it('writes a character XML cannot hold as U+FFFD, as the QTI exports do, so the file still parses', () => {
		const [first, ...rest] = pack.questions;
		const bell = { ...pack, questions: [{ ...first!, prompt: 'Ring \u0007 the bell' }, ...rest] };
		const exported = exportXml(bell);
		expect(XMLValidator.validate(exported.xml)).toBe(true);
		const x = exported.file.quiz.question.find((q) => q.idnumber === first!.id);
		expect(paragraphsOf(x?.questiontext)[0]).toBe('Ring \uFFFD the bell');
	});

	it('splits a ]]> inside CDATA across two sections, and the parser joins it back', () => {
		expect(xml).toContain(']]]]><![CDATA[>');
		const category = file.quiz.question.find((q) => q['@'].type === 'category');
		expect(category?.category?.text).toBe(`$course$/top/${pack.title}`);
		expect(paragraphsOf(category?.info)).toEqual([pack.description]);
	});

	it('brings back every text field unchanged', () => {
		for (const q of pack.questions) {
			const x = byName(q.id);
			expect(x.idnumber).toBe(q.id);
			expect(x.name?.text).toContain(` · ${q.id} · `);
			expect(paragraphsOf(x.questiontext)[0]).toBe(expectedTextWithGuidance(q)[0]);
			expect(paragraphsOf(x.questiontext)).toContain(q.prompt);
			expect(paragraphsOf(x.generalfeedback)).toEqual(generalFeedbackLines(pack, q));
			expect(paragraphsOf(x.generalfeedback).join('\n')).toContain(pack.sources[0]!.label);
			expect(x.tags?.tag.map((t) => t.text)).toEqual(expectedTags(q));
			switch (q.kind) {
				case 'single':
				case 'multiple':
					expect(x.answer!.map((a) => [paragraphsOf(a), paragraphsOf(a.feedback)])).toEqual(
						q.options.map((o) => [[o.text], [o.feedback]])
					);
					break;
				case 'true-false':
					expect(x.answer!.map((a) => [a.text, paragraphsOf(a.feedback)])).toEqual([
						['true', [q.feedback.ifTrue]],
						['false', [q.feedback.ifFalse]]
					]);
					break;
				case 'matching':
					expect(x.subquestion!.map((s) => [paragraphsOf(s), s.answer[0]?.text])).toEqual(
						q.pairs.map((p) => [[p.left], p.right])
					);
					break;
				case 'ordering':
					expect(x.answer!.map((a) => paragraphsOf(a))).toEqual(q.items.map((i) => [i.text]));
					break;
				case 'essay':
					expect(paragraphsOf(x.questiontext)).toEqual(expectedTextWithGuidance(q));
					expect(paragraphsOf(x.graderinfo)).toEqual(expectedMarkingLines(q));
					expect(x.tags?.tag.map((t) => t.text)).toContain('evaluate');
					break;
			}
		}
	});
});

describe('Moodle XML conversion notes', () => {
	const { notes } = exportPack(realPack, 'all', 'moodleXml');
	const orderingIds = realOfKind('ordering').map((q) => q.id);
	const essays = realOfKind('essay');

	it('converts no ordering question, and says which Moodle versions import them and how Moodle marks them', () => {
		expect(notes.filter((n) => orderingIds.includes(n.questionId))).toEqual([]);
		const { summary } = exportPack(realPack, 'all', 'moodleXml');
		const line = summary.find((l) => l.includes('ordering questions'));
		expect(line).toContain(`The ${orderingIds.length} ordering questions are Moodle's own`);
		expect(line).toMatch(/Moodle 4\.4 and later/);
		expect(line).toMatch(/4\.3 and older need the qtype_ordering plugin/);
		expect(line).toMatch(/relative to the next item \(excluding last\)/);
		expect(real.file['#comment']).toContain(line);
	});

	it('notes every essay, saying it is graded by hand out of its rubric’s total, the model answer and rubric for graders', () => {
		const essayNotes = notes.filter((n) => essays.some((q) => q.id === n.questionId));
		expect(essayNotes).toHaveLength(essays.length);
		for (const q of essays) {
			const n = essayNotes.find((note) => note.questionId === q.id)!;
			expect(n.action).toBe('converted');
			expect(n.note).toContain(`essay question, graded by hand out of ${rubricPoints(q)}`);
			expect(n.note).toContain('grader information, which students do not see');
		}
		expect(notes).toHaveLength(essays.length);
	});

	it('lists the same conversions in a comment at the top of the file', () => {
		const comment = real.file['#comment'] ?? '';
		expect(real.xml.indexOf('<!--')).toBeLessThan(real.xml.indexOf('<quiz>'));
		expect(comment).toContain(`Conversions (${notes.length}):`);
		for (const n of notes) expect(comment).toContain(`${n.questionId}: converted. ${n.note}`);
	});

	it('says there is nothing to convert when the pack has no essay', () => {
		const pack = { ...realPack, questions: realPack.questions.filter((q) => q.kind !== 'essay') };
		const result = exportPack(pack, 'no-essay', 'moodleXml');
		expect(result.notes).toEqual([]);
		expect((xmlParser.parse(result.file.data as string) as XmlFile)['#comment']).toContain(
			'Conversions: none'
		);
	});
});
