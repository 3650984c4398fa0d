import type { Pack, Question, QuestionOf } from '../content/schema';
import { rightAnswerText } from '../quiz/feedback';
import { layoutOf } from '../quiz/layout';
import {
	feedbackWithMarkingLines,
	questionPoints,
	questionTextWithGuidance
} from './feedback-text';
import { htmlParagraphs } from './html';
import { conversionSummaryLines, kindConversionNotes } from './notes';
import { positionLabelWithEnds, positionPairs, type MatchPair } from './ordering-as-matching';
import type { ConversionNote, Exporter } from './types';
import { element, valueElement, xmlDocument, XmlMarkupWriter, XSI_NAMESPACE } from './xml';
import { zipPackage, type ZipText } from './zip';

const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const QTI_SCHEMA = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd';
const CC_CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
const CANVAS_NAMESPACE = 'http://canvas.instructure.com/xsd/cccv1p0';

/** Canvas's question types for Sourced's kinds. Canvas has no ordering type: ordering becomes matching. */
export const canvasQuestionType: Record<Question['kind'], string> = {
	single: 'multiple_choice_question',
	multiple: 'multiple_answers_question',
	'true-false': 'true_false_question',
	ordering: 'matching_question',
	matching: 'matching_question',
	essay: 'essay_question'
};

/** Why an ordering question is not carried exactly: said in the notes and in the XML. */
export const ORDERING_NOTE =
	'ordering exported as a Canvas matching question (item → position): Canvas gives a share of the mark for each item put in its right position, where Sourced gives a share for each neighbouring pair in the right order';

/** The assessment's identifier; Canvas also expects it as the folder of the quiz's files. */
export const canvasAssessmentId = (pack: Pack) => `sourced-${pack.id}`;

// Canvas reads the number in a right-hand identifier as its match id, so answer and match
// identifiers are plain numbers, unique within a question: answers 1001…, matches 2001….
const answerIdent = (index: number) => String(1001 + index);
const matchIdent = (index: number) => String(2001 + index);

const RESPONSE = 'response1';

// Items are written straight to strings (`XmlMarkupWriter`), element by element, in the layout the
// XML writer gives a tree: at 10,000 questions, building a tree per item and walking it cost more
// than the text. The small manifest and settings file are still trees.

/** Something an item writes in place: an element with all it holds. */
type Markup = (w: XmlMarkupWriter) => void;

const metadataField = (w: XmlMarkupWriter, label: string, entry: string | number) =>
	w
		.start('qtimetadatafield')
		.text('fieldlabel', undefined, label)
		.text('fieldentry', undefined, String(entry))
		.end('qtimetadatafield');
const HTML = { texttype: 'text/html' } as const;
const PLAIN = { texttype: 'text/plain' } as const;
const material = (w: XmlMarkupWriter, type: typeof HTML | typeof PLAIN, content: string) =>
	w.start('material').text('mattext', type, content).end('material');
const itemFeedback =
	(ident: string, lines: readonly string[]): Markup =>
	(w) => {
		w.start('itemfeedback', { ident }).start('flow_mat');
		material(w, HTML, htmlParagraphs(lines));
		w.end('flow_mat').end('itemfeedback');
	};
const varequal =
	(respident: string, value: string): Markup =>
	(w) =>
		w.text('varequal', { respident }, value);
const displayFeedback =
	(linkrefid: string): Markup =>
	(w) =>
		w.empty('displayfeedback', { feedbacktype: 'Response', linkrefid });
const setScore =
	(action: 'Set' | 'Add', value: string): Markup =>
	(w) =>
		w.text('setvar', { action, varname: 'SCORE' }, value);
const condition =
	(continueAfter: 'Yes' | 'No' | undefined, test: Markup, ...then: Markup[]): Markup =>
	(w) => {
		w.start('respcondition', { continue: continueAfter }).start('conditionvar');
		test(w);
		w.end('conditionvar');
		for (const rule of then) rule(w);
		w.end('respcondition');
	};
const always: Markup = (w) => w.empty('other');

/** One answer of a choice question: its identifier, text, whether it is right, and its feedback. */
interface Choice {
	ident: string;
	text: string;
	right: boolean;
	feedback: string;
}

/** An item's presentation, response processing and feedback (everything but its metadata). */
interface ItemBody {
	answerIds: string[];
	presentation: Markup;
	processing: Markup[];
	feedback: Markup[];
}

/** `render_choice` with a `response_label` holding each text (as plain text). */
const renderChoice = (w: XmlMarkupWriter, labels: readonly { ident: string; text: string }[]) => {
	if (!labels.length) {
		w.empty('render_choice');
		return;
	}
	w.start('render_choice');
	for (const label of labels) {
		w.start('response_label', { ident: label.ident });
		material(w, PLAIN, label.text);
		w.end('response_label');
	}
	w.end('render_choice');
};

// An item's parts are made by functions at module level, not by closures named inside each call:
// tsx (the CLI) keeps functions' names, so each such closure costs a `__name` call for every item.

/**
 * The condition of full marks for a choice item: the right option chosen, or with several right
 * options every right one chosen and no wrong one.
 */
function rightRule(choices: Choice[], multiple: boolean): Markup {
	if (!multiple) return varequal(RESPONSE, choices.find((c) => c.right)?.ident ?? '');
	return (w) => {
		if (!choices.length) {
			w.empty('and');
			return;
		}
		w.start('and');
		for (const c of choices)
			if (c.right) varequal(RESPONSE, c.ident)(w);
			else {
				w.start('not');
				varequal(RESPONSE, c.ident)(w);
				w.end('not');
			}
		w.end('and');
	};
}

/** A choice item's one drop-down or set of checkboxes. */
function choicePresentation(choices: Choice[], multiple: boolean): Markup {
	return (w) => {
		w.start('response_lid', { ident: RESPONSE, rcardinality: multiple ? 'Multiple' : 'Single' });
		renderChoice(w, choices);
		w.end('response_lid');
	};
}

function choiceBody(choices: Choice[], multiple: boolean): ItemBody {
	return {
		answerIds: choices.map((c) => c.ident),
		presentation: choicePresentation(choices, multiple),
		processing: [
			...choices.map((c) =>
				condition('Yes', varequal(RESPONSE, c.ident), displayFeedback(`${c.ident}_fb`))
			),
			condition('No', rightRule(choices, multiple), setScore('Set', '100'))
		],
		feedback: choices.map((c) => itemFeedback(`${c.ident}_fb`, [c.feedback]))
	};
}

/**
 * A matching item: each left-hand text, in `leftOrder`, is a drop-down of every right-hand text,
 * in `rightOrder` (both orders list pair ids). Answer and match identifiers follow the pairs.
 */
function matchingBody(
	pairs: readonly MatchPair[],
	leftOrder: readonly string[],
	rightOrder: readonly string[]
): ItemBody {
	const index = new Map(pairs.map((p, i) => [p.id, i]));
	const lefts = leftOrder.map((id, i) => ({
		ident: answerIdent(i),
		text: pairs[index.get(id)!]!.left,
		rightIdent: matchIdent(index.get(id)!)
	}));
	const rights = rightOrder.map((id) => ({
		ident: matchIdent(index.get(id)!),
		text: pairs[index.get(id)!]!.right
	}));
	const points = (100 / lefts.length).toFixed(2);
	return {
		answerIds: lefts.map((l) => l.ident),
		presentation: matchingPresentation(lefts, rights),
		// As in Canvas's own exports: one condition per left-hand item adds its share.
		processing: lefts.map((l) =>
			condition(undefined, varequal(`response_${l.ident}`, l.rightIdent), setScore('Add', points))
		),
		feedback: []
	};
}

/** A matching item's drop-downs, one per left-hand text, each listing every right-hand text. */
function matchingPresentation(
	lefts: readonly { ident: string; text: string }[],
	rights: readonly { ident: string; text: string }[]
): Markup {
	return (w) => {
		// Every drop-down lists the same right-hand texts at the same depth: written once.
		const drop = w.at(w.level + 1);
		renderChoice(drop, rights);
		const dropDown = drop.written();
		for (const l of lefts) {
			w.start('response_lid', { ident: `response_${l.ident}` });
			material(w, PLAIN, l.text);
			w.markup(dropDown).end('response_lid');
		}
	};
}

/** An essay's text box, as Canvas's own exports write it. */
const essayPresentation: Markup = (w) =>
	w
		.start('response_str', { ident: RESPONSE, rcardinality: 'Single' })
		.start('render_fib')
		.empty('response_label', { ident: 'answer1', rshuffle: 'No' })
		.end('render_fib')
		.end('response_str');

/** An essay: one text box (as Canvas's own exports write it) and no score, since a grader marks it. */
function essayBody(): ItemBody {
	return {
		answerIds: [],
		presentation: essayPresentation,
		processing: [condition('No', always)],
		feedback: []
	};
}

function itemBody(q: Question, seed: string): ItemBody {
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return choiceBody(
				q.options.map((o, i) => ({
					ident: answerIdent(i),
					text: o.text,
					right: o.correct,
					feedback: o.feedback
				})),
				q.kind === 'multiple'
			);
		case 'true-false':
			return choiceBody(
				[
					{ ident: answerIdent(0), text: 'True', right: q.answer, feedback: q.feedback.ifTrue },
					{ ident: answerIdent(1), text: 'False', right: !q.answer, feedback: q.feedback.ifFalse }
				],
				false
			);
		case 'matching':
			return matchingBody(
				q.pairs,
				q.pairs.map((p) => p.id),
				layoutOf(q, seed, true).rights
			);
		case 'ordering':
			return orderingBody(q, seed);
		case 'essay':
			return essayBody();
	}
}

/** Ordering as matching: the items (in Sourced's starting order) each matched to a position. */
function orderingBody(q: QuestionOf<'ordering'>, seed: string): ItemBody {
	const pairs = positionPairs(q, positionLabelWithEnds);
	const body = matchingBody(
		pairs,
		layoutOf(q, seed, true).items,
		pairs.map((p) => p.id)
	);
	// Canvas shows this to a student who did not get every position right: the order in words.
	return {
		...body,
		feedback: [itemFeedback('general_incorrect_fb', ['The right order:', ...rightAnswerText(q)])]
	};
}

function writeItem(w: XmlMarkupWriter, pack: Pack, q: Question): void {
	const body = itemBody(q, pack.id);
	w.start('item', { ident: `sourced-${q.id}`, title: q.id })
		.start('itemmetadata')
		.start('qtimetadata');
	metadataField(w, 'question_type', canvasQuestionType[q.kind]);
	metadataField(w, 'points_possible', questionPoints(q));
	metadataField(w, 'original_answer_ids', body.answerIds.join(','));
	if (q.level) metadataField(w, 'cognitive_level', q.level);
	w.end('qtimetadata').end('itemmetadata').start('presentation');
	material(w, HTML, `<div>${htmlParagraphs(questionTextWithGuidance(q))}</div>`);
	body.presentation(w);
	w.end('presentation')
		.start('resprocessing')
		.start('outcomes')
		.empty('decvar', { maxvalue: 100, minvalue: 0, varname: 'SCORE', vartype: 'Decimal' })
		.end('outcomes');
	condition('Yes', always, displayFeedback('general_fb'))(w);
	for (const rule of body.processing) rule(w);
	w.end('resprocessing');
	itemFeedback('general_fb', feedbackWithMarkingLines(pack, q))(w);
	for (const feedback of body.feedback) feedback(w);
	w.end('item');
}

/** Why an essay's model answer and rubric are where students can see them: said in the notes and in the XML. */
const essayNote = (q: QuestionOf<'essay'>) =>
	`written argument exported as a Canvas essay question worth ${questionPoints(q)} points (the rubric's total), graded by hand: Canvas has no field for graders alone, so the model answer and the rubric are in the general feedback, which students see after submitting`;

/** Each question that the export converts (ordering → matching, essays' marking guides), with the reason. */
export function canvasConversionNotes(pack: Pack): ConversionNote[] {
	return kindConversionNotes(pack.questions, { ordering: () => ORDERING_NOTE, essay: essayNote });
}

/** The questestinterop document: one assessment, one section, one item per question. */
export function renderCanvasAssessment(pack: Pack, notes: readonly ConversionNote[]): string {
	const pieces: string[] = [];
	writeCanvasAssessment(pack, notes, (piece) => pieces.push(piece));
	return pieces.join('');
}

/** The questestinterop document handed to `write` in pieces as each item is written (it can be tens of MB). */
function writeCanvasAssessment(
	pack: Pack,
	notes: readonly ConversionNote[],
	write: (piece: string) => void
): void {
	const noteFor = new Map(notes.map((n) => [n.questionId, n]));
	const summary = conversionSummaryLines(
		notes,
		'Conversion notes: none. Every question keeps its own kind.'
	);
	const w = new XmlMarkupWriter(write).prologue([
		`Sourced pack "${pack.id}": ${pack.questions.length} questions for Canvas.`,
		summary.join('\n')
	]);
	w.start('questestinterop', {
		xmlns: QTI_NAMESPACE,
		'xmlns:xsi': XSI_NAMESPACE,
		'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`
	}).start('assessment', { ident: canvasAssessmentId(pack), title: pack.title });
	if (pack.questions.length) {
		w.start('section', { ident: 'root_section' });
		for (const q of pack.questions) {
			const note = noteFor.get(q.id);
			if (note) w.comment(`${q.id}: ${note.action}: ${note.note}.`);
			writeItem(w, pack, q);
			w.settle();
		}
		w.end('section');
	} else w.empty('section', { ident: 'root_section' });
	w.end('assessment').end('questestinterop').finish();
}

/** Canvas's quiz settings file: title, description, shuffling, practice or graded. */
export function renderCanvasAssessmentMeta(pack: Pack): string {
	const id = canvasAssessmentId(pack);
	const practice = pack.settings.mode === 'practice';
	const quiz = element(
		'quiz',
		{
			identifier: id,
			xmlns: CANVAS_NAMESPACE,
			'xmlns:xsi': XSI_NAMESPACE,
			'xsi:schemaLocation': `${CANVAS_NAMESPACE} https://canvas.instructure.com/xsd/cccv1p0.xsd`
		},
		[
			valueElement('title', pack.title),
			element('description', {}, pack.description ? [htmlParagraphs([pack.description])] : []),
			valueElement('shuffle_answers', pack.settings.shuffleOptions),
			valueElement('scoring_policy', 'keep_highest'),
			valueElement('quiz_type', practice ? 'practice_quiz' : 'assignment'),
			valueElement(
				'points_possible',
				pack.questions.reduce((sum, q) => sum + questionPoints(q), 0)
			),
			valueElement('show_correct_answers', true),
			valueElement('allowed_attempts', practice ? -1 : 1),
			valueElement('one_question_at_a_time', false),
			valueElement('cant_go_back', false),
			valueElement('available', false)
		]
	);
	return xmlDocument(quiz);
}

/** The package manifest: the assessment, and its settings file as a dependency. */
export function renderCanvasManifest(pack: Pack): string {
	const id = canvasAssessmentId(pack);
	const manifest = element('manifest', { identifier: `${id}-manifest`, xmlns: CC_CP_NAMESPACE }, [
		element('metadata', {}, [
			element('schema', {}, ['IMS Content']),
			element('schemaversion', {}, ['1.1.3'])
		]),
		element('organizations'),
		element('resources', {}, [
			element('resource', { identifier: id, type: 'imsqti_xmlv1p2' }, [
				element('file', { href: `${id}/${id}.xml` }),
				element('dependency', { identifierref: `${id}-meta` })
			]),
			element(
				'resource',
				{
					identifier: `${id}-meta`,
					type: 'associatedcontent/imscc_xmlv1p1/learning-application-resource',
					href: `${id}/assessment_meta.xml`
				},
				[element('file', { href: `${id}/assessment_meta.xml` })]
			)
		])
	]);
	return xmlDocument(manifest);
}

/** Every file of the package with its path inside the zip; the assessment is written as it is zipped. */
export function canvasPackageFiles(pack: Pack): {
	files: [string, ZipText][];
	notes: ConversionNote[];
} {
	const id = canvasAssessmentId(pack);
	const notes = canvasConversionNotes(pack);
	return {
		files: [
			['imsmanifest.xml', renderCanvasManifest(pack)],
			[`${id}/${id}.xml`, (write) => writeCanvasAssessment(pack, notes, write)],
			[`${id}/assessment_meta.xml`, renderCanvasAssessmentMeta(pack)]
		],
		notes
	};
}

/** Canvas's QTI 1.2 zip (Classic Quizzes import): ordering as matching; citations in the general feedback. */
export const canvasQti: Exporter = {
	label: 'Canvas QTI 1.2',
	extension: 'canvas-qti12.zip',
	mime: 'application/zip',
	description:
		'A QTI 1.2 zip in the form Canvas exports: import it in Canvas under Settings → Import Course Content → “QTI .zip file” (ordering questions become matching).',
	render(pack) {
		const { files, notes } = canvasPackageFiles(pack);
		return { data: zipPackage(files), notes };
	}
};
