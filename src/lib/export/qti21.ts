import { questionParagraphs } from '../content/question-text';
import type { Pack, Question, QuestionOf } from '../content/schema';
import { layoutOf } from '../quiz/layout';
import {
	ESSAY_LINES,
	generalFeedbackLines,
	markingLines,
	questionPoints,
	questionTextWithGuidance
} from './feedback-text';
import { conversionSummaryLines, kindConversionNotes } from './notes';
import type { ConversionNote, Exporter } from './types';
import {
	escapeXmlText,
	inlineElementMarkup,
	XmlMarkupWriter,
	XSI_NAMESPACE,
	type XmlAttributes,
	type XmlLayout
} from './xml';
import { zipPackage, type ZipText } from './zip';

const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_SCHEMA = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_SCHEMA = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';
const MD_NAMESPACE = 'http://www.imsglobal.org/xsd/imsmd_v1p2';

const RESPONSE = 'RESPONSE';
const SCORE = 'SCORE';
const FEEDBACK = 'FEEDBACK';
const GENERAL_FEEDBACK = 'GENERAL';
const TEST_FILE = 'assessment-test.xml';

/**
 * A slug as an XML NCName (QTI identifiers must be NCNames): unchanged when it starts with a letter,
 * otherwise behind an underscore. Slugs are lower-case, so the upper-case identifiers this file
 * uses itself (RESPONSE, FB-…, L-…, R-…) never collide with one.
 */
export function qtiIdentifier(slug: string): string {
	return /^[A-Za-z_]/.test(slug) ? slug : `_${slug}`;
}

/** Where a question's item file sits in the package. */
export function qtiItemPath(question: Question): string {
	return `items/${qtiIdentifier(question.id)}.xml`;
}

// ---- expressions and rules (QTI 2.1 response processing) ----
//
// Every document is written straight to strings (`XmlMarkupWriter`), element by element, in the
// layout the XML writer gives a tree but without its indent: at 10,000 questions, building a tree
// per item and walking it cost about three times the text, and the manifest's and the test's trees
// a fifth of the rest.

/**
 * Each element at the start of its line, not indented: the same documents to any XML reader, and
 * for a package of 10,000 items about a twelfth less XML to encode and compress (of some 110 MB;
 * see bench/README.md).
 */
const LAYOUT: XmlLayout = { indent: false };

/** Something an item writes in place: an expression, a rule, an element with all it holds. */
type Markup = (w: XmlMarkupWriter) => void;

const baseValue =
	(baseType: string, value: string | number): Markup =>
	(w) =>
		w.text('baseValue', { baseType }, String(value));
const identifierValue = (id: string) => baseValue('identifier', id);
const variable =
	(identifier: string): Markup =>
	(w) =>
		w.empty('variable', { identifier });
const responseVariable = variable(RESPONSE);
/** An element holding other markup, each a level deeper. */
const holding =
	(name: string, attributes: XmlAttributes | undefined, ...children: Markup[]): Markup =>
	(w) => {
		if (!children.length) {
			w.empty(name, attributes);
			return;
		}
		w.start(name, attributes);
		for (const child of children) child(w);
		w.end(name);
	};
const setOutcome = (identifier: string, expression: Markup) =>
	holding('setOutcomeValue', { identifier }, expression);
const setScore = (value: number) => setOutcome(SCORE, baseValue('float', value));
const isNullResponse = holding('isNull', undefined, responseVariable);
const matchesCorrect = holding('match', undefined, responseVariable, (w) =>
	w.empty('correct', { identifier: RESPONSE })
);
const mapResponse = setOutcome(SCORE, (w) => w.empty('mapResponse', { identifier: RESPONSE }));
/**
 * Markup that is the same in every item it is in (a scoring rule, the outcome declarations):
 * written once at each depth it goes at, then repeated as it is.
 */
function fixed(m: Markup): Markup {
	const byDepth: string[] = [];
	return (w) => {
		let written = byDepth[w.level];
		if (written === undefined) {
			const once = w.at(w.level);
			m(once);
			written = byDepth[w.level] = once.written();
		}
		w.markup(written);
	};
}

/** The marks each response value earns, added up and kept between 0 and 1. */
const mapping = (entries: readonly (readonly [mapKey: string, mark: number])[]) =>
	holding(
		'mapping',
		{ lowerBound: 0, upperBound: 1, defaultValue: 0 },
		...entries.map(
			([mapKey, mark]): Markup =>
				(w) =>
					w.empty('mapEntry', { mapKey, mappedValue: fraction(mark) })
		)
	);

interface Branch {
	when: Markup;
	then: readonly Markup[];
}

/** responseCondition: the first branch whose condition holds runs; otherwise the else rules. */
function responseCondition(branches: readonly Branch[], otherwise?: readonly Markup[]): Markup {
	return holding(
		'responseCondition',
		undefined,
		...branches.map((b, i) =>
			holding(i === 0 ? 'responseIf' : 'responseElseIf', undefined, b.when, ...b.then)
		),
		...(otherwise ? [holding('responseElse', undefined, ...otherwise)] : [])
	);
}

/** The rules that add one feedback identifier to FEEDBACK when a condition holds. */
function showFeedbackWhen(condition: Markup, feedbackId: string): Markup {
	return responseCondition([
		{
			when: condition,
			then: [
				setOutcome(
					FEEDBACK,
					holding('multiple', undefined, variable(FEEDBACK), identifierValue(feedbackId))
				)
			]
		}
	]);
}

/** 1 for the correct response, 0 for any other. */
const allOrNothing = fixed(
	responseCondition([{ when: matchesCorrect, then: [setScore(1)] }], [setScore(0)])
);
/** 0 with no response, 1 for the correct one, otherwise what the mapping gives. */
const nothingRightOrMapped = fixed(
	responseCondition(
		[
			{ when: isNullResponse, then: [setScore(0)] },
			{ when: matchesCorrect, then: [setScore(1)] }
		],
		[mapResponse]
	)
);

/** A float for a mapping, written so that an engine reads back the same number. */
const fraction = (value: number) => String(value);

// ---- one item per question ----

interface ItemParts {
	/** The responseDeclaration: cardinality, correct response, any partial-credit mapping. */
	response: Markup;
	interaction: Markup;
	/** Rules that set SCORE. */
	scoring: Markup[];
	/** Per-answer feedback: its identifier, the condition that shows it, its title and text. */
	answerFeedback: AnswerFeedback[];
	/**
	 * Where per-answer feedback goes. A player may open one modal feedback at a time, so a response
	 * must open exactly one: with one answer, that answer's modal (its feedback, then the explanation
	 * and sources); with several, the general modal, each chosen option's feedback inline in it.
	 */
	feedbackPlacement: 'modal' | 'inline';
	/** How the item is scored, in words, for the comment at the top of the file. */
	scoringNote: string;
}

interface AnswerFeedback {
	id: string;
	when: Markup;
	title: string;
	text: string;
}

const prompt =
	(q: Question): Markup =>
	(w) =>
		w.text('prompt', undefined, q.prompt);
const feedbackId = (choiceId: string) => `FB-${choiceId}`;
/** `<value>` elements holding each text, inside `name` (correctResponse). */
const values = (name: string, texts: readonly string[]): Markup =>
	holding(
		name,
		undefined,
		...texts.map(
			(text): Markup =>
				(w) =>
					w.text('value', undefined, text)
		)
	);
/** An element holding text alone. */
const textElement =
	(name: string, attributes: XmlAttributes | undefined, text: string): Markup =>
	(w) =>
		w.text(name, attributes, text);

/** An option's own feedback inside it, on a line of its own, shown once the option is chosen. */
const inlineFeedback = (choiceId: string, text: string) =>
	inlineElementMarkup(
		'feedbackInline',
		{ outcomeIdentifier: FEEDBACK, identifier: feedbackId(choiceId), showHide: 'show' },
		`<br/>${escapeXmlText(text)}`
	);

// An item's helpers are functions at module level, not closures named inside each call: tsx (the
// CLI) keeps functions' names, so each such closure costs a `__name` call for every item.

/** The condition that an option is chosen: the response is it (single) or holds it (multiple). */
function picked(single: boolean, id: string): Markup {
	return single
		? holding('match', undefined, responseVariable, identifierValue(id))
		: holding('member', undefined, identifierValue(id), responseVariable);
}

function choiceParts(
	q: QuestionOf<'single'> | QuestionOf<'multiple'>,
	shuffle: boolean
): ItemParts {
	const single = q.kind === 'single';
	const ids = q.options.map((o) => qtiIdentifier(o.id));
	const right = ids.filter((_, i) => q.options[i]!.correct);
	const k = right.length;
	const correctResponse = values('correctResponse', right);
	return {
		response: holding(
			'responseDeclaration',
			{ identifier: RESPONSE, cardinality: single ? 'single' : 'multiple', baseType: 'identifier' },
			...(single
				? [correctResponse]
				: [
						correctResponse,
						mapping(q.options.map((o, i) => [ids[i]!, o.correct ? 1 / k : -1 / k]))
					])
		),
		interaction: holding(
			'choiceInteraction',
			{ responseIdentifier: RESPONSE, shuffle, maxChoices: single ? 1 : 0 },
			prompt(q),
			...q.options.map(
				(o, i): Markup =>
					(w) =>
						w.text(
							'simpleChoice',
							{ identifier: ids[i] },
							o.text,
							single ? '' : inlineFeedback(ids[i]!, o.feedback)
						)
			)
		),
		scoring: [single ? allOrNothing : nothingRightOrMapped],
		answerFeedback: q.options.map((o, i) => ({
			id: feedbackId(ids[i]!),
			when: picked(single, ids[i]!),
			title: o.text,
			text: o.feedback
		})),
		feedbackPlacement: single ? 'modal' : 'inline',
		scoringNote: single
			? 'Scoring: 1 for the right option, 0 otherwise.'
			: `Scoring (partial credit, as Sourced scores it): +1/${k} for each right option picked and -1/${k} for each wrong one (mapping), never below 0; exactly the right set scores 1.`
	};
}

function trueFalseParts(q: QuestionOf<'true-false'>): ItemParts {
	const choices = [
		{ id: 'TRUE', label: 'True', feedback: q.feedback.ifTrue },
		{ id: 'FALSE', label: 'False', feedback: q.feedback.ifFalse }
	];
	return {
		response: holding(
			'responseDeclaration',
			{ identifier: RESPONSE, cardinality: 'single', baseType: 'identifier' },
			values('correctResponse', [q.answer ? 'TRUE' : 'FALSE'])
		),
		interaction: holding(
			'choiceInteraction',
			{ responseIdentifier: RESPONSE, shuffle: false, maxChoices: 1 },
			prompt(q),
			...choices.map((c) => textElement('simpleChoice', { identifier: c.id }, c.label))
		),
		scoring: [allOrNothing],
		answerFeedback: choices.map((c) => ({
			id: feedbackId(c.id),
			when: holding('match', undefined, responseVariable, identifierValue(c.id)),
			title: c.label,
			text: c.feedback
		})),
		feedbackPlacement: 'modal',
		scoringNote: 'True/false as a choice between True and False. Scoring: 1 for the right answer.'
	};
}

/** The condition that the item at `position` (from 1) of the ordered response is `id`. */
function isAt(id: string, position: number): Markup {
	const itemAt = holding('index', { n: position }, responseVariable);
	return holding('match', undefined, itemAt, identifierValue(id));
}

function orderingParts(q: QuestionOf<'ordering'>, seed: string): ItemParts {
	const ids = q.items.map((i) => qtiIdentifier(i.id));
	const text = new Map(q.items.map((i) => [qtiIdentifier(i.id), i.text]));
	// Written in Sourced's starting order (never the right one), and not shuffled again.
	const start = layoutOf(q, seed, true).items.map(qtiIdentifier);
	const share = 1 / (ids.length - 1);
	// Each pair of neighbours in the right order earns a share if the answer has them side by side, in
	// that order, at some position. Only index, match, and, or and sum: `contains` on ordered
	// containers is read the wrong way round by one well-known runtime and not at all by another.
	const positions = ids.slice(0, -1).map((_, i) => i + 1);
	const addShare = setOutcome(
		SCORE,
		holding('sum', undefined, variable(SCORE), baseValue('float', fraction(share)))
	);
	const neighbourRules = ids.slice(0, -1).map((id, i) =>
		responseCondition([
			{
				when: holding(
					'or',
					undefined,
					...positions.map((p) => holding('and', undefined, isAt(id, p), isAt(ids[i + 1]!, p + 1)))
				),
				then: [addShare]
			}
		])
	);
	return {
		response: holding(
			'responseDeclaration',
			{ identifier: RESPONSE, cardinality: 'ordered', baseType: 'identifier' },
			values('correctResponse', ids)
		),
		interaction: holding(
			'orderInteraction',
			{ responseIdentifier: RESPONSE, shuffle: false },
			prompt(q),
			...start.map((id) => textElement('simpleChoice', { identifier: id }, text.get(id) ?? id))
		),
		scoring: [
			responseCondition(
				[
					{ when: isNullResponse, then: [setScore(0)] },
					{ when: matchesCorrect, then: [setScore(1)] }
				],
				[setScore(0), ...neighbourRules]
			)
		],
		answerFeedback: [],
		feedbackPlacement: 'modal',
		scoringNote: `Scoring (partial credit, as Sourced scores it): 1/${ids.length - 1} for each neighbouring pair of items in the answer that is also a neighbouring pair, in that order, in the right order; computed in responseProcessing with index, match, and, or and sum only (operators every QTI 2.1 runtime reads alike); the right order scores 1. An importer that reads only correctResponse will score it all or nothing.`
	};
}

/** A pair's left-hand and right-hand choice identifiers. */
function leftChoice(id: string): string {
	return `L-${id}`;
}
function rightChoice(id: string): string {
	return `R-${id}`;
}

function matchingParts(q: QuestionOf<'matching'>, seed: string, shuffle: boolean): ItemParts {
	const n = q.pairs.length;
	const byId = new Map(q.pairs.map((p) => [p.id, p]));
	const rightsOrder = layoutOf(q, seed, true).rights;
	return {
		response: holding(
			'responseDeclaration',
			{ identifier: RESPONSE, cardinality: 'multiple', baseType: 'directedPair' },
			values(
				'correctResponse',
				q.pairs.map((p) => `${leftChoice(p.id)} ${rightChoice(p.id)}`)
			),
			mapping(q.pairs.map((p) => [`${leftChoice(p.id)} ${rightChoice(p.id)}`, 1 / n]))
		),
		interaction: holding(
			'matchInteraction',
			{ responseIdentifier: RESPONSE, shuffle, maxAssociations: n },
			prompt(q),
			holding(
				'simpleMatchSet',
				undefined,
				...q.pairs.map((p) =>
					textElement(
						'simpleAssociableChoice',
						{ identifier: leftChoice(p.id), matchMax: 1 },
						p.left
					)
				)
			),
			// Like Sourced's drop-downs, one right-hand text may be chosen for several items.
			holding(
				'simpleMatchSet',
				undefined,
				...rightsOrder.map((id) =>
					textElement(
						'simpleAssociableChoice',
						{ identifier: rightChoice(id), matchMax: n },
						byId.get(id)?.right ?? id
					)
				)
			)
		),
		scoring: [nothingRightOrMapped],
		answerFeedback: [],
		feedbackPlacement: 'modal',
		scoringNote: `Scoring (partial credit, as Sourced scores it): 1/${n} for each item matched to its own right-hand text (mapping); all matched scores 1.`
	};
}

const essayResponse = holding('responseDeclaration', {
	identifier: RESPONSE,
	cardinality: 'single',
	baseType: 'string'
});
const essayInteraction = holding('extendedTextInteraction', {
	responseIdentifier: RESPONSE,
	expectedLines: ESSAY_LINES
});

function essayParts(q: QuestionOf<'essay'>): ItemParts {
	return {
		response: essayResponse,
		interaction: essayInteraction,
		scoring: [],
		answerFeedback: [],
		feedbackPlacement: 'modal',
		scoringNote: `Written argument, not scored automatically: a scorer marks the answer out of ${questionPoints(q)} (the rubric's total), with the model answer and the rubric in the rubricBlock for scorers.`
	};
}

function itemParts(q: Question, pack: Pack): ItemParts {
	const shuffle = pack.settings.shuffleOptions;
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return choiceParts(q, shuffle);
		case 'true-false':
			return trueFalseParts(q);
		case 'ordering':
			return orderingParts(q, pack.id);
		case 'matching':
			return matchingParts(q, pack.id, shuffle);
		case 'essay':
			return essayParts(q);
	}
}

/** Paragraphs, each a `<p>` holding its text. */
const paragraphs = (texts: readonly string[]): Markup[] =>
	texts.map((text) => textElement('p', undefined, text));

/**
 * What stands above the interaction. An essay's whole text does (hypothetical case, prompt,
 * guidance), after its model answer and rubric for scorers only; any other kind keeps its prompt in
 * the interaction, with the hypothetical case above it.
 */
function itemBodyLead(q: Question): Markup[] {
	if (q.kind !== 'essay') return paragraphs(questionParagraphs(q).slice(0, -1));
	return [
		holding('rubricBlock', { view: 'scorer' }, ...paragraphs(markingLines(q))),
		...paragraphs(questionTextWithGuidance(q))
	];
}

const declarations = new Map<number, Markup>();
/** SCORE (between 0 and `maxScore`), MAXSCORE and FEEDBACK: the same for every item worth as much. */
function outcomeDeclarations(maxScore: number): Markup {
	let markup = declarations.get(maxScore);
	if (!markup) {
		markup = fixed((w) => {
			w.start('outcomeDeclaration', {
				identifier: SCORE,
				cardinality: 'single',
				baseType: 'float',
				normalMaximum: maxScore,
				normalMinimum: 0
			})
				.start('defaultValue')
				.text('value', undefined, '0')
				.end('defaultValue')
				.end('outcomeDeclaration');
			w.start('outcomeDeclaration', {
				identifier: 'MAXSCORE',
				cardinality: 'single',
				baseType: 'float'
			})
				.start('defaultValue')
				.text('value', undefined, String(maxScore))
				.end('defaultValue')
				.end('outcomeDeclaration');
			w.empty('outcomeDeclaration', {
				identifier: FEEDBACK,
				cardinality: 'multiple',
				baseType: 'identifier'
			});
		});
		declarations.set(maxScore, markup);
	}
	return markup;
}

/** The rules that set FEEDBACK to one identifier alone. */
function showOnly(feedbackId: string): Markup {
	return setOutcome(FEEDBACK, holding('multiple', undefined, identifierValue(feedbackId)));
}

/**
 * A modal feedback: `first` (an answer's own feedback) if there is one, then `general`, the
 * explanation and passages written once for the item and repeated in each modal.
 */
function modal(
	w: XmlMarkupWriter,
	general: string,
	identifier: string,
	title: string,
	first?: string
): void {
	const attributes = { outcomeIdentifier: FEEDBACK, identifier, showHide: 'show', title };
	if (first === undefined && !general) {
		w.empty('modalFeedback', attributes);
		return;
	}
	w.start('modalFeedback', attributes);
	if (first !== undefined) w.text('p', undefined, first);
	w.repeated(general).end('modalFeedback');
}

/** One question as a QTI 2.1 assessmentItem document. */
export function renderQti21Item(pack: Pack, q: Question): string {
	return renderQti21ItemParts(pack, q).join('');
}

/**
 * `renderQti21Item` in parts, for the zip: the explanation and passages that close every modal
 * feedback are one string, repeated, which the zip encodes once (see `ZipText`).
 */
function renderQti21ItemParts(pack: Pack, q: Question): string[] {
	const parts = itemParts(q, pack);
	const maxScore = questionPoints(q);
	const inline = parts.feedbackPlacement === 'inline';
	const feedbackRules = inline
		? [
				showOnly(GENERAL_FEEDBACK),
				...parts.answerFeedback.map((f) => showFeedbackWhen(f.when, f.id))
			]
		: parts.answerFeedback.length
			? [
					responseCondition(
						parts.answerFeedback.map((f) => ({ when: f.when, then: [showOnly(f.id)] })),
						[showOnly(GENERAL_FEEDBACK)]
					)
				]
			: [showOnly(GENERAL_FEEDBACK)];
	const w = new XmlMarkupWriter(undefined, LAYOUT).prologue([
		`Sourced question ${q.id} (${q.kind}), topic ${q.topic}${q.level ? `, level ${q.level}` : ''}. ${parts.scoringNote}`,
		`Feedback: every response opens exactly one modal feedback, holding the explanation and every cited passage with its outlet${
			!parts.answerFeedback.length
				? ' (GENERAL)'
				: inline
					? ' (GENERAL); each chosen option also shows its own feedback inside it (feedbackInline FB-…)'
					: ': the chosen answer’s feedback first (FB-…), or GENERAL when nothing was chosen'
		}.`
	]);
	w.start('assessmentItem', {
		xmlns: QTI_NAMESPACE,
		'xmlns:xsi': XSI_NAMESPACE,
		'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`,
		identifier: qtiIdentifier(q.id),
		title: q.id,
		adaptive: false,
		timeDependent: false
	});
	parts.response(w);
	outcomeDeclarations(maxScore)(w);
	holding('itemBody', undefined, ...itemBodyLead(q), parts.interaction)(w);
	holding('responseProcessing', undefined, ...parts.scoring, ...feedbackRules)(w);
	// Every modal ends with the explanation and the cited passages: written once, repeated in each.
	const inModal = w.at(w.level + 1);
	for (const paragraph of paragraphs(generalFeedbackLines(pack, q))) paragraph(inModal);
	const general = inModal.written();
	if (!inline) for (const f of parts.answerFeedback) modal(w, general, f.id, f.title, f.text);
	modal(w, general, GENERAL_FEEDBACK, 'Explanation and sources');
	return w.end('assessmentItem').documentParts();
}

/** The assessmentTest, written by `w`: every item of the pack, in the pack's order, in one section. */
function writeQti21Test(w: XmlMarkupWriter, pack: Pack): XmlMarkupWriter {
	w.prologue()
		.start('assessmentTest', {
			xmlns: QTI_NAMESPACE,
			'xmlns:xsi': XSI_NAMESPACE,
			'xsi:schemaLocation': `${QTI_NAMESPACE} ${QTI_SCHEMA}`,
			identifier: qtiIdentifier(pack.id),
			title: pack.title
		})
		.empty('outcomeDeclaration', { identifier: SCORE, cardinality: 'single', baseType: 'float' })
		.start('testPart', {
			identifier: 'PART-1',
			navigationMode: 'nonlinear',
			// Practice shows feedback after each question; a test is submitted at the end.
			submissionMode: pack.settings.mode === 'practice' ? 'individual' : 'simultaneous'
		})
		.start('assessmentSection', { identifier: 'SECTION-1', title: pack.title, visible: true })
		.empty('ordering', { shuffle: pack.settings.shuffleQuestions });
	for (const q of pack.questions)
		w.empty('assessmentItemRef', {
			identifier: qtiIdentifier(q.id),
			href: qtiItemPath(q)
		}).settle();
	return w
		.end('assessmentSection')
		.end('testPart')
		.start('outcomeProcessing')
		.start('setOutcomeValue', { identifier: SCORE })
		.start('sum')
		.empty('testVariables', { variableIdentifier: SCORE })
		.end('sum')
		.end('setOutcomeValue')
		.end('outcomeProcessing')
		.end('assessmentTest');
}

/** An item's cognitive level as an IMS LOM keyword, the manifest's place for a resource's tags. */
function levelMetadata(w: XmlMarkupWriter, q: Question): void {
	if (!q.level) return;
	w.start('metadata')
		.start('imsmd:lom', { 'xmlns:imsmd': MD_NAMESPACE })
		.start('imsmd:general')
		.start('imsmd:keyword')
		.text('imsmd:langstring', undefined, q.level)
		.end('imsmd:keyword')
		.end('imsmd:general')
		.end('imsmd:lom')
		.end('metadata');
}

/** What the package changes: each essay's model answer and rubric go where only some LMSs look. */
export function qti21ConversionNotes(pack: Pack): ConversionNote[] {
	return kindConversionNotes(pack.questions, {
		essay: (q) =>
			`written argument exported as an extendedTextInteraction with no automatic score, marked by hand out of ${questionPoints(q)} (the rubric's total): the model answer and the rubric are in a rubricBlock for scorers, which some LMSs (Canvas among them) do not import`
	});
}

/**
 * The IMS Content Packaging manifest, written by `w`: one resource per item, and the test depending
 * on all of them.
 */
function writeQti21Manifest(
	w: XmlMarkupWriter,
	pack: Pack,
	notes: readonly ConversionNote[]
): XmlMarkupWriter {
	const resourceId = (q: Question) => `RES-${qtiIdentifier(q.id)}`;
	w.prologue([
		`Sourced pack "${pack.id}": ${pack.questions.length} questions, one QTI 2.1 item each, plus ${TEST_FILE}.`,
		conversionSummaryLines(
			notes,
			'Conversion notes: none. Every question keeps its own kind (single and multiple choice, true/false as a True/False choice, ordering, matching), its scoring rule and its feedback; nothing was converted or left out.'
		).join('\n')
	]);
	w.start('manifest', {
		xmlns: CP_NAMESPACE,
		'xmlns:xsi': XSI_NAMESPACE,
		'xsi:schemaLocation': `${CP_NAMESPACE} ${CP_SCHEMA}`,
		identifier: `MANIFEST-${qtiIdentifier(pack.id)}`
	})
		.start('metadata')
		.text('schema', undefined, 'QTIv2.1 Package')
		.text('schemaversion', undefined, '1.0.0')
		.end('metadata')
		.empty('organizations')
		.start('resources');
	for (const q of pack.questions) {
		const href = qtiItemPath(q);
		w.start('resource', { identifier: resourceId(q), type: 'imsqti_item_xmlv2p1', href });
		levelMetadata(w, q);
		w.empty('file', { href }).end('resource').settle();
	}
	w.start('resource', {
		identifier: 'RES-TEST',
		type: 'imsqti_test_xmlv2p1',
		href: TEST_FILE
	}).empty('file', { href: TEST_FILE });
	for (const q of pack.questions) w.empty('dependency', { identifierref: resourceId(q) }).settle();
	return w.end('resource').end('resources').end('manifest');
}

/**
 * A document handed to the zip in pieces as it is written (see `ZipText`): at 10,000 questions the
 * manifest and the test are megabytes of text, which as whole strings would each be made, joined
 * and encoded at once.
 */
function streamed(write: (w: XmlMarkupWriter) => XmlMarkupWriter): ZipText {
	return (sink) => write(new XmlMarkupWriter(sink, LAYOUT)).finish();
}

/**
 * Every file of the package with its path inside the zip, each item written only when the zip
 * asks for it, so that it can be compressed and let go before the next.
 */
export function* qti21PackageFiles(
	pack: Pack,
	notes: readonly ConversionNote[]
): Generator<[string, ZipText]> {
	yield ['imsmanifest.xml', streamed((w) => writeQti21Manifest(w, pack, notes))];
	yield [TEST_FILE, streamed((w) => writeQti21Test(w, pack))];
	for (const q of pack.questions) yield [qtiItemPath(q), renderQti21ItemParts(pack, q)];
}

/** IMS QTI 2.1 content package: one item per question, every kind native, Sourced's scoring and cited feedback; essays marked by hand. */
export const qti21: Exporter = {
	label: 'QTI 2.1 package',
	extension: 'qti21.zip',
	mime: 'application/zip',
	description:
		'An IMS QTI 2.1 content package (zip): one item per question with its scoring and cited feedback, for Blackboard, Brightspace, Canvas and other LMSs that import QTI 2.1.',
	render(pack) {
		const notes = qti21ConversionNotes(pack);
		return { data: zipPackage(qti21PackageFiles(pack, notes)), notes };
	}
};
