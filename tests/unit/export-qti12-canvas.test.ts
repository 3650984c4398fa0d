import { describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../src/lib/content/schema';
import { generalFeedbackLines, sourceLabel } from '../../src/lib/export/feedback-text';
import { exportPack } from '../../src/lib/export/files';
import { canvasQti } from '../../src/lib/export/qti12-canvas';
import type { ConversionNote } from '../../src/lib/export/types';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import { expectedMarkingLines, expectedTextWithGuidance, rubricPoints } from '../helpers/questions';
import {
	allElements,
	child,
	childrenNamed,
	descendants,
	htmlParagraphTexts,
	parseXml,
	unzipTextFiles,
	xmlComments,
	type XmlTree
} from '../helpers/xml-tree';

// Every check reads the zip back with fflate, the XML with fast-xml-parser and the HTML inside
// it with jsdom; none of it uses the exporter's own code. The shapes checked are those of Canvas's
// own QTI 1.2 exports (lib/cc/qti/qti_items.rb in canvas-lms), which its "QTI .zip file" import reads.

const CANVAS_TYPES: Record<Question['kind'], string> = {
	single: 'multiple_choice_question',
	multiple: 'multiple_answers_question',
	'true-false': 'true_false_question',
	ordering: 'matching_question',
	matching: 'matching_question',
	essay: 'essay_question'
};

/** The points a question is worth in Canvas: an essay its rubric's total, any other kind 1. */
const pointsOf = (q: Question) => (q.kind === 'essay' ? rubricPoints(q) : 1);

/** The general feedback a question should carry: an essay's marking guide after the evidence. */
const expectedGeneralFeedback = (pack: Pack, q: Question) =>
	q.kind === 'essay'
		? [...generalFeedbackLines(pack, q), ...expectedMarkingLines(q)]
		: generalFeedbackLines(pack, q);

interface Package {
	zipName: string;
	files: Map<string, string>;
	manifest: XmlTree;
	assessmentPath: string;
	assessmentXml: string;
	assessment: XmlTree;
	meta: XmlTree;
	items: { question: Question; item: XmlTree }[];
	notes: ConversionNote[];
}

function readPackage(pack: Pack): Package {
	const result = exportPack(pack, pack.id, 'canvasQti');
	const zip = result.file;
	expect(zip.mime).toBe('application/zip');
	const files = unzipTextFiles(zip.data as Uint8Array);
	const manifest = parseXml(files.get('imsmanifest.xml') ?? '');
	const resources = descendants(manifest, 'resource');
	const qti = resources.find((r) => r.attributes.type === 'imsqti_xmlv1p2')!;
	const assessmentPath = child(qti, 'file').attributes.href!;
	const metaResource = resources.find((r) =>
		r.attributes.type?.endsWith('learning-application-resource')
	)!;
	const assessmentXml = files.get(assessmentPath) ?? '';
	const root = parseXml(assessmentXml);
	const items = descendants(root, 'item').map((item) => {
		const question = pack.questions.find((q) => q.id === item.attributes.title);
		if (!question) throw new Error(`no question "${item.attributes.title}"`);
		return { question, item };
	});
	return {
		zipName: zip.name,
		files,
		manifest,
		assessmentPath,
		assessmentXml,
		assessment: root,
		meta: parseXml(files.get(child(metaResource, 'file').attributes.href!) ?? ''),
		items,
		notes: result.notes
	};
}

// ---- reading an item back ----

function metadata(item: XmlTree): Record<string, string> {
	return Object.fromEntries(
		descendants(item, 'qtimetadatafield').map((f) => [
			child(f, 'fieldlabel').text,
			child(f, 'fieldentry').text
		])
	);
}

/** The text a <material> shows: plain text as it is, HTML as the text of its paragraphs. */
function materialText(material: XmlTree): string {
	const mattext = child(material, 'mattext');
	return mattext.attributes.texttype === 'text/html'
		? htmlParagraphTexts(mattext.text).join('\n')
		: mattext.text;
}

const promptOf = (item: XmlTree) => materialText(child(child(item, 'presentation'), 'material'));

/** Answer identifier → text, for the labels of a render_choice. */
function labels(responseLid: XmlTree): Map<string, string> {
	return new Map(
		descendants(responseLid, 'response_label').map((l) => [
			l.attributes.ident!,
			materialText(child(l, 'material'))
		])
	);
}

function feedbackParagraphs(item: XmlTree, ident: string): string[] {
	const feedback = childrenNamed(item, 'itemfeedback').find((f) => f.attributes.ident === ident);
	if (!feedback) throw new Error(`no itemfeedback "${ident}"`);
	return htmlParagraphTexts(child(descendants(feedback, 'material')[0]!, 'mattext').text);
}

const conditions = (item: XmlTree) => descendants(item, 'respcondition');
const setsFullScore = (c: XmlTree) =>
	childrenNamed(c, 'setvar').some((s) => s.attributes.action === 'Set' && s.text === '100');

/** The right answer as the item marks it, in the pack's terms (texts), in no particular order. */
function markedRightAnswer(item: XmlTree, q: Question): string[] {
	if (q.kind === 'essay') return [];
	const lids = descendants(item, 'response_lid');
	if (q.kind === 'matching' || q.kind === 'ordering')
		return lids.map((lid) => {
			const right = conditions(item).find((c) =>
				descendants(c, 'varequal').some((v) => v.attributes.respident === lid.attributes.ident)
			);
			const value = descendants(right!, 'varequal')[0]!.text;
			return `${materialText(child(lid, 'material'))} → ${labels(lid).get(value)}`;
		});
	const [lid] = lids;
	const text = labels(lid!);
	const full = conditions(item).filter(setsFullScore);
	expect(full).toHaveLength(1);
	// Single answer: one varequal; multiple answers: an <and> of the right ones (and <not>s of the rest).
	const test = child(full[0]!, 'conditionvar').children[0]!;
	const picked = test.name === 'and' ? childrenNamed(test, 'varequal') : [test];
	return picked.map((v) => text.get(v.text) ?? `?${v.text}`);
}

/** The right answer in the pack, in the same terms, in no particular order. */
function rightAnswerInPackTerms(q: Question): string[] {
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return q.options.filter((o) => o.correct).map((o) => o.text);
		case 'true-false':
			return [q.answer ? 'True' : 'False'];
		case 'ordering':
			return q.items.map(
				(i, n) =>
					`${i.text} → Position ${n + 1}${n === 0 ? ' (first)' : n === q.items.length - 1 ? ' (last)' : ''}`
			);
		case 'matching':
			return q.pairs.map((p) => `${p.left} → ${p.right}`);
		case 'essay':
			return [];
	}
}

const realPack = realBankPack();
const real = readPackage(realPack);

describe('Canvas QTI 1.2 package of the whole real bank', () => {
	it('is one zip named after the pack', () => {
		expect(real.zipName).toBe('all.canvas-qti12.zip');
		expect(canvasQti.extension).toBe('canvas-qti12.zip');
		expect(canvasQti.label).toBe('Canvas QTI 1.2');
	});

	it('lists in its manifest exactly the files the zip holds', () => {
		const hrefs = descendants(real.manifest, 'file').map((f) => f.attributes.href!);
		for (const href of hrefs) expect(real.files.has(href), href).toBe(true);
		expect([...real.files.keys()].sort()).toEqual(['imsmanifest.xml', ...hrefs].sort());
	});

	it('keeps the quiz and its Canvas settings in a folder named after the assessment, as Canvas expects', () => {
		const ident = child(real.assessment, 'assessment').attributes.ident!;
		expect(real.assessmentPath).toBe(`${ident}/${ident}.xml`);
		const [qti, meta] = descendants(real.manifest, 'resource');
		expect(qti!.attributes).toMatchObject({ identifier: ident, type: 'imsqti_xmlv1p2' });
		expect(child(qti!, 'dependency').attributes.identifierref).toBe(meta!.attributes.identifier);
		expect(child(meta!, 'file').attributes.href).toBe(`${ident}/assessment_meta.xml`);
		expect(real.meta.attributes.identifier).toBe(ident);
	});

	it('writes quiz settings Canvas reads: title, shuffling, practice quiz, points', () => {
		expect(child(real.meta, 'title').text).toBe(realPack.title);
		expect(htmlParagraphTexts(child(real.meta, 'description').text)).toEqual([
			realPack.description
		]);
		expect(child(real.meta, 'shuffle_answers').text).toBe(String(realPack.settings.shuffleOptions));
		expect(child(real.meta, 'quiz_type').text).toBe('practice_quiz');
		const total = realPack.questions.reduce((sum, q) => sum + pointsOf(q), 0);
		expect(child(real.meta, 'points_possible').text).toBe(String(total));
	});

	it('writes one item per question, in the pack’s order, each worth one point and an essay its rubric’s total', () => {
		expect(real.assessment.name).toBe('questestinterop');
		expect(child(real.assessment, 'assessment').attributes.title).toBe(realPack.title);
		expect(real.items.map((i) => i.question.id)).toEqual(realPack.questions.map((q) => q.id));
		for (const { question, item } of real.items)
			expect(metadata(item).points_possible, question.id).toBe(String(pointsOf(question)));
		expect(real.items.some((i) => metadata(i.item).points_possible !== '1')).toBe(true);
	});

	it('gives each item its cognitive level in a cognitive_level metadata field', () => {
		for (const { question, item } of real.items)
			expect(metadata(item).cognitive_level, question.id).toBe(question.level);
	});

	it('writes a written argument as an essay_question: one text box, no score, marked by a grader', () => {
		const essays = real.items.filter((i) => i.question.kind === 'essay');
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const { question, item } of essays) {
			expect(descendants(item, 'response_lid'), question.id).toEqual([]);
			const box = child(child(item, 'presentation'), 'response_str');
			expect(descendants(box, 'response_label')).toHaveLength(1);
			expect(child(box, 'render_fib')).toBeDefined();
			expect(descendants(item, 'setvar')).toEqual([]);
		}
	});

	it('gives each question Canvas’s type for its kind, ordering as matching', () => {
		for (const { question, item } of real.items)
			expect(metadata(item).question_type, question.id).toBe(CANVAS_TYPES[question.kind]);
	});

	it('shows each question’s hypothetical case, marked as such, then its prompt (and an essay’s guidance)', () => {
		for (const { question, item } of real.items)
			expect(promptOf(item), question.id).toBe(expectedTextWithGuidance(question).join('\n'));
	});

	it('offers every option as a choice, and every right-hand text (or position) to every item of a matching', () => {
		for (const { question: q, item } of real.items) {
			const lids = descendants(item, 'response_lid');
			if (q.kind === 'essay') continue;
			if (q.kind === 'single' || q.kind === 'multiple' || q.kind === 'true-false') {
				expect(lids).toHaveLength(1);
				expect(lids[0]!.attributes.rcardinality).toBe(
					q.kind === 'multiple' ? 'Multiple' : 'Single'
				);
				const expected = q.kind === 'true-false' ? ['True', 'False'] : q.options.map((o) => o.text);
				expect([...labels(lids[0]!).values()], q.id).toEqual(expected);
				expect(metadata(item).original_answer_ids?.split(',')).toEqual([
					...labels(lids[0]!).keys()
				]);
			} else {
				const lefts =
					q.kind === 'matching' ? q.pairs.map((p) => p.left) : q.items.map((i) => i.text);
				expect(lids.map((l) => materialText(child(l, 'material'))).sort(), q.id).toEqual(
					[...lefts].sort()
				);
				for (const lid of lids) {
					const shown = [...labels(lid).values()];
					if (q.kind === 'matching')
						expect(shown.sort()).toEqual(q.pairs.map((p) => p.right).sort());
					else
						expect(shown.map((t) => Number(/^Position (\d+)/.exec(t)?.[1]))).toEqual(
							q.items.map((_, n) => n + 1)
						);
				}
			}
		}
	});

	it('marks each question’s right answer in its response processing', () => {
		for (const { question, item } of real.items)
			expect(markedRightAnswer(item, question).sort(), question.id).toEqual(
				rightAnswerInPackTerms(question).sort()
			);
	});

	it('requires every right option and no wrong one for full marks on a multiple-answer question', () => {
		for (const { question: q, item } of real.items) {
			if (q.kind !== 'multiple') continue;
			const text = labels(descendants(item, 'response_lid')[0]!);
			const [full] = conditions(item).filter(setsFullScore);
			const and = child(child(full!, 'conditionvar'), 'and');
			const wrong = childrenNamed(and, 'not').map((n) => text.get(child(n, 'varequal').text));
			expect(wrong.sort(), q.id).toEqual(
				q.options
					.filter((o) => !o.correct)
					.map((o) => o.text)
					.sort()
			);
		}
	});

	it('gives an equal share of 100 for each right match', () => {
		for (const { question: q, item } of real.items) {
			if (q.kind !== 'matching' && q.kind !== 'ordering') continue;
			const adds = descendants(item, 'setvar').filter((s) => s.attributes.action === 'Add');
			const n = q.kind === 'matching' ? q.pairs.length : q.items.length;
			expect(adds, q.id).toHaveLength(n);
			for (const add of adds) expect(Number(add.text)).toBeCloseTo(100 / n, 1);
		}
	});

	it('never lists an ordering question’s items in the right order', () => {
		for (const { question: q, item } of real.items) {
			if (q.kind !== 'ordering') continue;
			const shown = descendants(item, 'response_lid').map((l) =>
				materialText(child(l, 'material'))
			);
			expect(shown, q.id).not.toEqual(q.items.map((i) => i.text));
		}
	});

	it('carries the explanation and every cited passage with its outlet in general_fb, shown after any answer', () => {
		for (const { question: q, item } of real.items) {
			const lines = feedbackParagraphs(item, 'general_fb');
			expect(lines, q.id).toEqual(expectedGeneralFeedback(realPack, q));
			expect(lines[0]).toBe(q.explanation);
			for (const c of q.citations)
				expect(
					lines.some((l) => l.includes(c.exact) && l.includes(sourceLabel(realPack, c.source)))
				).toBe(true);
			const always = conditions(item).find((c) => descendants(c, 'other').length > 0);
			expect(child(always!, 'displayfeedback').attributes.linkrefid).toBe('general_fb');
		}
	});

	it('gives each answer of a choice question its own feedback, <answer id>_fb, shown when it is picked', () => {
		for (const { question: q, item } of real.items) {
			if (q.kind !== 'single' && q.kind !== 'multiple' && q.kind !== 'true-false') continue;
			const expected =
				q.kind === 'true-false'
					? new Map([
							['True', q.feedback.ifTrue],
							['False', q.feedback.ifFalse]
						])
					: new Map(q.options.map((o) => [o.text, o.feedback]));
			for (const [ident, text] of labels(descendants(item, 'response_lid')[0]!)) {
				expect(feedbackParagraphs(item, `${ident}_fb`), `${q.id}: ${text}`).toEqual([
					expected.get(text)
				]);
				const shows = conditions(item).find(
					(c) =>
						descendants(c, 'varequal')[0]?.text === ident &&
						childrenNamed(c, 'displayfeedback').some(
							(d) => d.attributes.linkrefid === `${ident}_fb`
						)
				);
				expect(shows, `${q.id}: ${ident}_fb`).toBeDefined();
			}
		}
	});

	it('tells a student who missed an ordering question the right order, in general_incorrect_fb', () => {
		for (const { question: q, item } of real.items) {
			if (q.kind !== 'ordering') continue;
			expect(feedbackParagraphs(item, 'general_incorrect_fb')).toEqual([
				'The right order:',
				...q.items.map((i, n) => `${n + 1}. ${i.text}`)
			]);
		}
	});

	it('writes the same bytes for the same pack', () => {
		const once = exportPack(realPack, 'all', 'canvasQti').file.data;
		expect(exportPack(realPack, 'all', 'canvasQti').file.data).toEqual(once);
	});
});

describe('Canvas conversion notes', () => {
	const orderingIds = realPack.questions.filter((q) => q.kind === 'ordering').map((q) => q.id);

	const essays = realPack.questions.filter((q) => q.kind === 'essay');

	it('converts each ordering question to matching, and says why', () => {
		expect(orderingIds.length).toBeGreaterThanOrEqual(10);
		const ordering = real.notes.filter((n) => orderingIds.includes(n.questionId));
		expect(ordering.map((n) => n.questionId)).toEqual(orderingIds);
		for (const note of ordering) {
			expect(note.action).toBe('converted');
			expect(note.note).toContain('matching question (item → position)');
			expect(note.note).toContain('neighbouring pair');
		}
	});

	it('notes each essay: worth its rubric’s total, its model answer and rubric in the feedback students see', () => {
		for (const q of essays) {
			const note = real.notes.find((n) => n.questionId === q.id);
			expect(note?.action, q.id).toBe('converted');
			expect(note?.note).toContain(`essay question worth ${rubricPoints(q)} points`);
			expect(note?.note).toContain('general feedback, which students see after submitting');
		}
	});

	it('converts and leaves out nothing else', () => {
		expect(real.notes.every((n) => n.action === 'converted')).toBe(true);
		expect(real.notes).toHaveLength(orderingIds.length + essays.length);
		expect(real.items).toHaveLength(realPack.questions.length);
	});

	it('lists the same notes in the assessment XML, and marks each converted item with a comment', () => {
		const comments = xmlComments(real.assessmentXml);
		const summary = comments.find((c) => c.includes(`Conversion notes (${real.notes.length})`));
		expect(summary).toBeDefined();
		for (const note of real.notes) {
			expect(summary).toContain(`${note.questionId}: ${note.note}`);
			expect(comments.some((c) => c.trim().startsWith(`${note.questionId}: converted: `))).toBe(
				true
			);
		}
	});
});

describe('Canvas QTI 1.2 with special characters', () => {
	const pack = specialCharactersPack();
	const odd = readPackage(pack);

	it('round-trips every text field unchanged', () => {
		expect(child(odd.assessment, 'assessment').attributes.title).toBe(pack.title);
		expect(child(odd.meta, 'title').text).toBe(pack.title);
		expect(htmlParagraphTexts(child(odd.meta, 'description').text)).toEqual([pack.description]);
		expect(odd.items).toHaveLength(pack.questions.length);
		for (const { question: q, item } of odd.items) {
			expect(promptOf(item), q.id).toBe(expectedTextWithGuidance(q).join('\n'));
			expect(feedbackParagraphs(item, 'general_fb')).toEqual(expectedGeneralFeedback(pack, q));
			expect(markedRightAnswer(item, q).sort()).toEqual(rightAnswerInPackTerms(q).sort());
			if (q.kind === 'single' || q.kind === 'multiple')
				for (const [ident, text] of labels(descendants(item, 'response_lid')[0]!)) {
					const option = q.options.find((o) => o.text === text);
					expect(option, text).toBeDefined();
					expect(feedbackParagraphs(item, `${ident}_fb`)).toEqual([option!.feedback]);
				}
			if (q.kind === 'true-false') {
				const byText = new Map(
					[...labels(descendants(item, 'response_lid')[0]!)].map(([id, t]) => [t, id])
				);
				expect(feedbackParagraphs(item, `${byText.get('True')}_fb`)).toEqual([q.feedback.ifTrue]);
				expect(feedbackParagraphs(item, `${byText.get('False')}_fb`)).toEqual([q.feedback.ifFalse]);
			}
		}
	});

	it('shows a line break inside a text as a line break, as Moodle XML does', () => {
		const [first, ...rest] = pack.questions;
		const broken = {
			...pack,
			questions: [{ ...first!, prompt: 'First line\nsecond line' }, ...rest]
		};
		const { item } = readPackage(broken).items[0]!;
		const html = child(child(child(item, 'presentation'), 'material'), 'mattext').text;
		const [paragraph] = descendants(parseXml(`<html>${html}</html>`), 'p');
		expect(childrenNamed(paragraph!, 'br')).toHaveLength(1);
		expect(promptOf(item)).toBe('First line\nsecond line');
	});

	it('keeps texts out of the markup: no element but QTI 1.2’s own', () => {
		const allowed = new Set([
			...['questestinterop', 'assessment', 'section', 'item', 'itemmetadata', 'qtimetadata'],
			...['qtimetadatafield', 'fieldlabel', 'fieldentry', 'presentation', 'material', 'mattext'],
			...['response_lid', 'render_choice', 'response_label', 'resprocessing', 'outcomes'],
			...['decvar', 'respcondition', 'conditionvar', 'other', 'varequal', 'and', 'not'],
			...['displayfeedback', 'setvar', 'itemfeedback', 'flow_mat', 'response_str', 'render_fib']
		]);
		for (const n of allElements(odd.assessment)) expect(allowed.has(n.name), n.name).toBe(true);
	});
});
