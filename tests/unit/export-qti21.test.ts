import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { Pack, Question } from '../../src/lib/content/schema';
import { generalFeedbackLines, sourceLabel } from '../../src/lib/export/feedback-text';
import { exportPack } from '../../src/lib/export/files';
import { qti21, renderQti21Item } from '../../src/lib/export/qti21';
import type { ConversionNote } from '../../src/lib/export/types';
import type { Answer } from '../../src/lib/quiz/answers';
import { feedbackFor } from '../../src/lib/quiz/feedback';
import { seededRandom } from '../../src/lib/quiz/random';
import { scoreQuestion } from '../../src/lib/quiz/scoring';
import { realBankPack, specialCharactersPack } from '../helpers/packs';
import {
	expectedMarkingLines,
	expectedQuestionText,
	expectedTextWithGuidance,
	orderingQuestion,
	rubricPoints
} from '../helpers/questions';
import {
	allElements,
	child,
	childrenNamed,
	descendants,
	parseXml,
	unzipTextFiles,
	xmlComments,
	type XmlTree
} from '../helpers/xml-tree';

// Every check reads the zip back with fflate and fast-xml-parser, and validates against the IMS
// XSDs with xmllint-wasm (libxml2); none of it uses the exporter's own code. Scores are checked by
// running each item's responseProcessing through a small QTI 2.1 interpreter written here from the
// spec, and comparing with Sourced's own scoring.

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const schemaDir = resolve(projectRoot, process.env.QTI_SCHEMA_DIR ?? '../shared/schemas/qti21');
const QTI_XSD = 'qtiv2p1/imsqti_v2p1.xsd';
const CP_XSD = 'imscp_v1p1.xsd';
const MD_XSD = 'imsmd_v1p2p4.xsd';
const hasSchemas = existsSync(join(schemaDir, QTI_XSD)) && existsSync(join(schemaDir, CP_XSD));
const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

interface Package {
	zipName: string;
	files: Map<string, string>;
	manifest: XmlTree;
	test: { path: string; root: XmlTree };
	/** Each question's item, in the pack's order. */
	items: { question: Question; path: string; xml: string; root: XmlTree }[];
	notes: ConversionNote[];
}

function readPackage(pack: Pack): Package {
	const result = exportPack(pack, pack.id, 'qti21');
	const zip = result.file;
	expect(zip.mime).toBe('application/zip');
	expect(zip.data).toBeInstanceOf(Uint8Array);
	const files = unzipTextFiles(zip.data as Uint8Array);
	const manifest = parseXml(files.get('imsmanifest.xml') ?? '');
	const resources = descendants(manifest, 'resource');
	const testResource = resources.find((r) => r.attributes.type === 'imsqti_test_xmlv2p1')!;
	const itemResources = resources.filter((r) => r.attributes.type === 'imsqti_item_xmlv2p1');
	const items = itemResources.map((r) => {
		const xml = files.get(r.attributes.href!) ?? '';
		const root = parseXml(xml);
		const question = pack.questions.find((q) => q.id === root.attributes.title);
		if (!question) throw new Error(`${r.attributes.href}: no question "${root.attributes.title}"`);
		return { question, path: r.attributes.href!, xml, root };
	});
	return {
		zipName: zip.name,
		files,
		manifest,
		test: {
			path: testResource.attributes.href!,
			root: parseXml(files.get(testResource.attributes.href!) ?? '')
		},
		items,
		notes: result.notes
	};
}

const realPack = realBankPack();
const real = readPackage(realPack);

// ---- reading an item back ----

const interactionOf = (item: XmlTree) =>
	child(item, 'itemBody').children.find((c) => c.name.endsWith('Interaction'))!;
/** The paragraphs of the item body above its interaction. */
const paragraphsAbove = (item: XmlTree) =>
	childrenNamed(child(item, 'itemBody'), 'p').map((p) => p.text);
const responseDeclaration = (item: XmlTree) => child(item, 'responseDeclaration');
/** The values of the declared right answer; none for an essay, which declares no right answer. */
const correctValues = (item: XmlTree) =>
	childrenNamed(responseDeclaration(item), 'correctResponse')
		.flatMap((c) => childrenNamed(c, 'value'))
		.map((v) => v.text);

/** Choice identifier → its text, for every choice of the item's interaction. */
function choiceTexts(item: XmlTree): Map<string, string> {
	return new Map(
		[...descendants(item, 'simpleChoice'), ...descendants(item, 'simpleAssociableChoice')].map(
			(c) => [c.attributes.identifier!, c.text]
		)
	);
}

/** The identifier of the choice with this text, among all of the item's choices or within one set. */
function identifierOfText(item: XmlTree, text: string, within?: XmlTree): string {
	const choices = within
		? within.children
		: [...descendants(item, 'simpleChoice'), ...descendants(item, 'simpleAssociableChoice')];
	const found = choices.find((c) => c.text === text);
	if (!found) throw new Error(`no choice with text "${text}"`);
	return found.attributes.identifier!;
}

function modalFeedback(item: XmlTree, identifier: string): XmlTree {
	const found = childrenNamed(item, 'modalFeedback').find(
		(f) => f.attributes.identifier === identifier
	);
	if (!found) throw new Error(`no modalFeedback "${identifier}"`);
	return found;
}
const paragraphs = (feedback: XmlTree) => childrenNamed(feedback, 'p').map((p) => p.text);
/** The text of a feedbackInline, without the line break that sets it under its choice. */
const inlineFeedbackText = (feedback: XmlTree) => feedback.text.replace(/^\n/, '');

/** The right answer as the item declares it, in the pack's terms (texts). */
function declaredRightAnswer(item: XmlTree): string[] {
	const texts = choiceTexts(item);
	return correctValues(item).map((value) =>
		value
			.split(' ')
			.map((id) => texts.get(id) ?? `?${id}`)
			.join(' → ')
	);
}

function rightAnswerInPackTerms(q: Question): string[] {
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return q.options.filter((o) => o.correct).map((o) => o.text);
		case 'true-false':
			return [q.answer ? 'True' : 'False'];
		case 'ordering':
			return q.items.map((i) => i.text);
		case 'matching':
			return q.pairs.map((p) => `${p.left} → ${p.right}`);
		case 'essay':
			return [];
	}
}

// ---- a QTI 2.1 response-processing interpreter (the subset of the spec the items use) ----

type QtiValue =
	| null
	| { cardinality: 'single'; value: string | number | boolean }
	| { cardinality: 'multiple' | 'ordered'; values: (string | number)[] };

const single = (value: string | number | boolean): QtiValue => ({ cardinality: 'single', value });
const isNullValue = (v: QtiValue) => v === null || (v.cardinality !== 'single' && !v.values.length);
const sameMultiset = (a: readonly unknown[], b: readonly unknown[]) =>
	a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * How a runtime reads `contains` on ordered containers: as the spec says, with its operands
 * reversed (as one well-known runtime does), or not at all (as another). Items meant to score the
 * same everywhere must not depend on it.
 */
type ContainsReading = 'spec' | 'reversed' | 'unsupported';

class ItemSession {
	readonly values = new Map<string, QtiValue>();
	constructor(
		private readonly item: XmlTree,
		response: QtiValue,
		private readonly contains: ContainsReading = 'spec'
	) {
		this.values.set('RESPONSE', response);
		for (const decl of childrenNamed(item, 'outcomeDeclaration')) {
			const initial = descendants(decl, 'value')[0];
			const value =
				decl.attributes.baseType === 'float' && initial ? single(Number(initial.text)) : null;
			this.values.set(decl.attributes.identifier!, value);
		}
	}

	run(): this {
		this.rules(child(this.item, 'responseProcessing').children);
		return this;
	}

	private rules(rules: readonly XmlTree[]): void {
		for (const rule of rules) {
			if (rule.name === 'setOutcomeValue')
				this.values.set(rule.attributes.identifier!, this.evaluate(rule.children[0]!));
			else if (rule.name === 'responseCondition') {
				const branch = rule.children.find(
					(b) => b.name === 'responseElse' || this.truthy(this.evaluate(b.children[0]!))
				);
				if (branch)
					this.rules(branch.name === 'responseElse' ? branch.children : branch.children.slice(1));
			} else throw new Error(`rule <${rule.name}> not supported`);
		}
	}

	private truthy(value: QtiValue): boolean {
		return value !== null && value.cardinality === 'single' && value.value === true;
	}

	private declaration(identifier: string): XmlTree {
		return childrenNamed(this.item, 'responseDeclaration').find(
			(d) => d.attributes.identifier === identifier
		)!;
	}

	private evaluate(e: XmlTree): QtiValue {
		const args = () => e.children.map((c) => this.evaluate(c));
		switch (e.name) {
			case 'baseValue':
				return single(e.attributes.baseType === 'float' ? Number(e.text) : e.text);
			case 'variable':
				return this.values.get(e.attributes.identifier!) ?? null;
			case 'correct': {
				const decl = this.declaration(e.attributes.identifier!);
				const values = descendants(child(decl, 'correctResponse'), 'value').map((v) => v.text);
				const cardinality = decl.attributes.cardinality!;
				return cardinality === 'single'
					? single(values[0]!)
					: { cardinality: cardinality as 'multiple' | 'ordered', values };
			}
			case 'isNull':
				return single(isNullValue(args()[0]!));
			case 'match': {
				const [a, b] = args();
				if (isNullValue(a!) || isNullValue(b!)) return null;
				if (a!.cardinality === 'single' && b!.cardinality === 'single')
					return single(a!.value === b!.value);
				if (a!.cardinality === 'ordered' && b!.cardinality === 'ordered')
					return single(a!.values.join('\u0000') === b!.values.join('\u0000'));
				if (a!.cardinality === 'multiple' && b!.cardinality === 'multiple')
					return single(sameMultiset(a!.values, b!.values));
				throw new Error('match of different cardinalities');
			}
			case 'member': {
				const [a, b] = args();
				if (isNullValue(a!) || isNullValue(b!)) return null;
				if (a!.cardinality !== 'single' || b!.cardinality === 'single') throw new Error('member');
				return single(b!.values.includes(a!.value as string));
			}
			case 'contains': {
				if (this.contains === 'unsupported') throw new Error('<contains> not supported');
				const [first, second] = args();
				const [a, b] = this.contains === 'reversed' ? [second, first] : [first, second];
				if (isNullValue(a!) || isNullValue(b!)) return null;
				if (a!.cardinality !== 'ordered' || b!.cardinality !== 'ordered')
					throw new Error('contains is only used on ordered containers here');
				// Ordered containers: the second must appear in the first as a contiguous run.
				const hay = a!.values;
				const needle = b!.values;
				const found = hay.some((_, start) => needle.every((v, i) => hay[start + i] === v));
				return single(found);
			}
			case 'index': {
				// The nth value (from 1) of an ordered container; NULL past its end or for a NULL container.
				const [container] = args();
				const n = Number(e.attributes.n);
				if (!Number.isInteger(n) || n < 1) throw new Error(`index n="${e.attributes.n}"`);
				if (isNullValue(container!)) return null;
				if (container!.cardinality !== 'ordered') throw new Error('index of an unordered value');
				const value = container!.values[n - 1];
				return value === undefined ? null : single(value);
			}
			case 'and':
			case 'or': {
				// Three-valued: `and` is false if any operand is false, `or` true if any is true; otherwise
				// NULL if any operand is NULL.
				const operands = args();
				if (operands.some((v) => v !== null && v.cardinality !== 'single'))
					throw new Error(`${e.name} of a container`);
				const decisive = e.name === 'or';
				if (operands.some((v) => v !== null && (v as { value: unknown }).value === decisive))
					return single(decisive);
				return operands.some((v) => v === null) ? null : single(!decisive);
			}
			case 'ordered':
			case 'multiple': {
				const values = args().flatMap((v) =>
					v === null ? [] : v.cardinality === 'single' ? [v.value as string] : v.values
				);
				return { cardinality: e.name, values };
			}
			case 'sum': {
				const values = args();
				if (values.some((v) => v === null || v.cardinality !== 'single')) return null;
				return single(values.reduce((s, v) => s + Number((v as { value: number }).value), 0));
			}
			case 'mapResponse': {
				const response = this.values.get(e.attributes.identifier!) ?? null;
				const mapping = child(this.declaration(e.attributes.identifier!), 'mapping');
				const lower = Number(mapping.attributes.lowerBound ?? -Infinity);
				const upper = Number(mapping.attributes.upperBound ?? Infinity);
				const fallback = Number(mapping.attributes.defaultValue ?? 0);
				const mapped = new Map(
					childrenNamed(mapping, 'mapEntry').map((m) => [
						m.attributes.mapKey!,
						Number(m.attributes.mappedValue)
					])
				);
				const keys =
					response === null
						? []
						: response.cardinality === 'single'
							? [String(response.value)]
							: [...new Set(response.values.map(String))];
				const total = keys.reduce((s, k) => s + (mapped.get(k) ?? fallback), 0);
				return single(Math.min(upper, Math.max(lower, total)));
			}
			default:
				throw new Error(`expression <${e.name}> not supported`);
		}
	}

	/** Whether a feedback element bound to FEEDBACK shows: its identifier is in FEEDBACK, or not for showHide="hide". */
	private shows(feedback: XmlTree): boolean {
		const value = this.values.get('FEEDBACK') ?? null;
		const ids = value === null ? [] : value.cardinality === 'single' ? [value.value] : value.values;
		return (
			feedback.attributes.outcomeIdentifier === 'FEEDBACK' &&
			ids.includes(feedback.attributes.identifier!) === (feedback.attributes.showHide === 'show')
		);
	}

	/** The identifiers of the modal feedback a candidate sees after this response. */
	shownFeedback(): string[] {
		return childrenNamed(this.item, 'modalFeedback')
			.filter((f) => this.shows(f))
			.map((f) => f.attributes.identifier!);
	}

	/** The texts of the feedback shown inside the item body (feedbackInline, feedbackBlock) after this response. */
	shownInlineFeedback(): string[] {
		const body = child(this.item, 'itemBody');
		return [...descendants(body, 'feedbackInline'), ...descendants(body, 'feedbackBlock')]
			.filter((f) => this.shows(f))
			.map(inlineFeedbackText);
	}
}

/** A Sourced answer as the QTI response the item's interaction would record. */
function responseFor(item: XmlTree, q: Question, answer: Answer | undefined): QtiValue {
	if (!answer) return null;
	const idOf = (text: string) => identifierOfText(item, text);
	switch (answer.kind) {
		case 'single': {
			const o = q.kind === 'single' ? q.options.find((x) => x.id === answer.choice) : undefined;
			return single(idOf(o!.text));
		}
		case 'true-false':
			return single(idOf(answer.value ? 'True' : 'False'));
		case 'multiple': {
			const options = q.kind === 'multiple' ? q.options : [];
			return {
				cardinality: 'multiple',
				values: answer.choices.map((id) => idOf(options.find((o) => o.id === id)!.text))
			};
		}
		case 'ordering': {
			const items = q.kind === 'ordering' ? q.items : [];
			return {
				cardinality: 'ordered',
				values: answer.order.map((id) => idOf(items.find((i) => i.id === id)!.text))
			};
		}
		case 'matching': {
			const pairs = q.kind === 'matching' ? q.pairs : [];
			const [lefts, rights] = childrenNamed(interactionOf(item), 'simpleMatchSet');
			return {
				cardinality: 'multiple',
				values: Object.entries(answer.matches).map(([leftId, rightId]) => {
					const left = identifierOfText(item, pairs.find((p) => p.id === leftId)!.left, lefts);
					const right = identifierOfText(item, pairs.find((p) => p.id === rightId)!.right, rights);
					return `${left} ${right}`;
				})
			};
		}
		case 'essay':
			return single(answer.text);
	}
}

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

/** Answers to try on a question: every possible one for choices and orderings, a seeded sample for matchings. */
function sampleAnswers(q: Question): (Answer | undefined)[] {
	switch (q.kind) {
		case 'single':
			return [undefined, ...q.options.map((o): Answer => ({ kind: 'single', choice: o.id }))];
		case 'true-false':
			return [undefined, { kind: 'true-false', value: true }, { kind: 'true-false', value: false }];
		case 'multiple':
			return Array.from({ length: 2 ** q.options.length }, (_, mask) => ({
				kind: 'multiple',
				choices: q.options.filter((_, i) => mask & (1 << i)).map((o) => o.id)
			}));
		case 'ordering':
			return permutations(q.items.map((i) => i.id)).map((order) => ({ kind: 'ordering', order }));
		case 'matching': {
			const random = seededRandom(q.id);
			const ids = q.pairs.map((p) => p.id);
			const sample = Array.from({ length: 80 }, (): Answer => {
				const matches: Record<string, string> = {};
				for (const id of ids) {
					const pick = Math.floor(random() * (ids.length + 1));
					if (pick < ids.length) matches[id] = ids[pick]!;
				}
				return { kind: 'matching', matches };
			});
			return [
				undefined,
				{ kind: 'matching', matches: Object.fromEntries(ids.map((id) => [id, id])) },
				...sample
			];
		}
		case 'essay':
			return [undefined, { kind: 'essay', text: q.modelAnswer, met: [] }];
	}
}

// ---- the tests ----

describe('QTI 2.1 package of the whole real bank', () => {
	it('is one zip named after the pack', () => {
		expect(real.zipName).toBe('all.qti21.zip');
		expect(qti21.extension).toBe('qti21.zip');
		expect(qti21.label).toBe('QTI 2.1 package');
	});

	it('lists in its manifest exactly the files the zip holds', () => {
		const hrefs = descendants(real.manifest, 'file').map((f) => f.attributes.href!);
		for (const href of hrefs) expect(real.files.has(href), href).toBe(true);
		const listed = new Set([...hrefs, 'imsmanifest.xml']);
		for (const path of real.files.keys()) expect(listed.has(path), path).toBe(true);
		for (const resource of descendants(real.manifest, 'resource'))
			expect(childrenNamed(resource, 'file').map((f) => f.attributes.href)).toContain(
				resource.attributes.href
			);
	});

	it('declares one item resource per question and a test resource that depends on all of them', () => {
		const resources = descendants(real.manifest, 'resource');
		const items = resources.filter((r) => r.attributes.type === 'imsqti_item_xmlv2p1');
		const tests = resources.filter((r) => r.attributes.type === 'imsqti_test_xmlv2p1');
		expect(items).toHaveLength(realPack.questions.length);
		expect(tests).toHaveLength(1);
		expect(childrenNamed(tests[0]!, 'dependency').map((d) => d.attributes.identifierref)).toEqual(
			items.map((r) => r.attributes.identifier)
		);
		expect(resources.length).toBe(items.length + 1);
	});

	it('references every item from the assessmentTest, in the pack’s order', () => {
		expect(real.test.root.name).toBe('assessmentTest');
		expect(real.test.root.attributes.xmlns).toBe(QTI_NAMESPACE);
		expect(real.test.root.attributes.title).toBe(realPack.title);
		const refs = descendants(real.test.root, 'assessmentItemRef');
		expect(refs.map((r) => r.attributes.href)).toEqual(real.items.map((i) => i.path));
		expect(refs.map((r) => r.attributes.identifier)).toEqual(
			real.items.map((i) => i.root.attributes.identifier)
		);
		expect(real.items.map((i) => i.question.id)).toEqual(realPack.questions.map((q) => q.id));
	});

	it('writes one assessmentItem per question in the QTI 2.1 namespace', () => {
		expect(real.items).toHaveLength(realPack.questions.length);
		for (const { root } of real.items) {
			expect(root.name).toBe('assessmentItem');
			expect(root.attributes.xmlns).toBe(QTI_NAMESPACE);
		}
	});

	it('uses XML NCNames for every identifier', () => {
		const docs = [real.manifest, real.test.root, ...real.items.map((i) => i.root)];
		const identifiers = docs
			.flatMap(allElements)
			.flatMap((n) =>
				['identifier', 'responseIdentifier', 'outcomeIdentifier', 'identifierref']
					.map((a) => n.attributes[a])
					.filter((v): v is string => v !== undefined)
			);
		const values = real.items.flatMap(({ root }) => [
			...correctValues(root).flatMap((v) => v.split(' ')),
			...descendants(root, 'mapEntry').flatMap((m) => m.attributes.mapKey!.split(' ')),
			...descendants(root, 'baseValue')
				.filter((b) => b.attributes.baseType === 'identifier')
				.map((b) => b.text)
		]);
		expect(identifiers.length).toBeGreaterThan(1000);
		for (const id of [...identifiers, ...values]) expect(id).toMatch(NCNAME);
	});

	it('gives each kind the interaction it needs', () => {
		const expected = {
			single: ['choiceInteraction', 'single', '1'],
			multiple: ['choiceInteraction', 'multiple', '0'],
			'true-false': ['choiceInteraction', 'single', '1'],
			ordering: ['orderInteraction', 'ordered', undefined],
			matching: ['matchInteraction', 'multiple', undefined],
			essay: ['extendedTextInteraction', 'single', undefined]
		} as const;
		for (const { question, root } of real.items) {
			const [name, cardinality, maxChoices] = expected[question.kind];
			const interaction = interactionOf(root);
			expect(interaction.name, question.id).toBe(name);
			expect(interaction.attributes.responseIdentifier).toBe('RESPONSE');
			expect(interaction.attributes.maxChoices).toBe(maxChoices);
			expect(responseDeclaration(root).attributes.cardinality, question.id).toBe(cardinality);
			if (question.kind !== 'essay')
				expect(child(interaction, 'prompt').text).toBe(question.prompt);
			if (question.kind === 'matching')
				expect(responseDeclaration(root).attributes.baseType).toBe('directedPair');
			if (question.kind === 'essay')
				expect(responseDeclaration(root).attributes.baseType).toBe('string');
		}
	});

	it('shows a question’s hypothetical case above its interaction, marked as such', () => {
		const cases = real.items.filter((i) => i.question.scenario && i.question.kind !== 'essay');
		expect(cases.length).toBeGreaterThan(0);
		for (const { question, root } of real.items)
			if (question.kind !== 'essay')
				expect(paragraphsAbove(root), question.id).toEqual(
					expectedQuestionText(question).slice(0, -1)
				);
	});

	it('writes a written argument as an extendedTextInteraction of 15 lines, its case, prompt and guidance above it', () => {
		const essays = real.items.filter((i) => i.question.kind === 'essay');
		expect(essays.length).toBeGreaterThanOrEqual(14);
		for (const { question, root } of essays) {
			const interaction = interactionOf(root);
			expect(interaction.attributes.expectedLines).toBe('15');
			expect(childrenNamed(interaction, 'prompt')).toEqual([]);
			expect(paragraphsAbove(root), question.id).toEqual(expectedTextWithGuidance(question));
		}
	});

	it('gives scorers alone an essay’s model answer and rubric with points, in a rubricBlock', () => {
		for (const { question: q, root } of real.items) {
			const rubrics = descendants(root, 'rubricBlock');
			if (q.kind !== 'essay') {
				expect(rubrics).toEqual([]);
				continue;
			}
			expect(rubrics).toHaveLength(1);
			expect(rubrics[0]!.attributes.view).toBe('scorer');
			expect(childrenNamed(rubrics[0]!, 'p').map((p) => p.text)).toEqual(expectedMarkingLines(q));
			expect(paragraphs(modalFeedback(root, 'GENERAL')).join('\n')).not.toContain(q.modelAnswer);
		}
	});

	it('never scores a written answer: no rule sets SCORE, which a scorer sets out of the rubric’s total', () => {
		for (const { question: q, root } of real.items) {
			if (q.kind !== 'essay') continue;
			const rules = child(root, 'responseProcessing');
			const setters = descendants(rules, 'setOutcomeValue').map((s) => s.attributes.identifier);
			expect(setters, q.id).not.toContain('SCORE');
			const outcome = (id: string) =>
				childrenNamed(root, 'outcomeDeclaration').find((o) => o.attributes.identifier === id)!;
			expect(outcome('SCORE').attributes.normalMaximum).toBe(String(rubricPoints(q)));
			expect(descendants(outcome('MAXSCORE'), 'value')[0]?.text).toBe(String(rubricPoints(q)));
			for (const answer of sampleAnswers(q)) {
				const score = new ItemSession(root, responseFor(root, q, answer)).run().values.get('SCORE');
				expect(score).toEqual({ cardinality: 'single', value: 0 });
			}
		}
	});

	it('tags each item with its cognitive level as an IMS LOM keyword in the manifest', () => {
		const resources = descendants(real.manifest, 'resource');
		for (const { question, path } of real.items) {
			const resource = resources.find((r) => r.attributes.href === path)!;
			const keywords = descendants(resource, 'imsmd:langstring').map((l) => l.text);
			expect(keywords, question.id).toEqual([question.level]);
		}
	});

	it('declares each question’s right answer in its responseDeclaration', () => {
		for (const { question, root } of real.items)
			expect(declaredRightAnswer(root), question.id).toEqual(rightAnswerInPackTerms(question));
	});

	it('offers every option, item and right-hand text of the question', () => {
		for (const { question: q, root } of real.items) {
			const texts = [...choiceTexts(root).values()].sort();
			const expected =
				q.kind === 'single' || q.kind === 'multiple'
					? q.options.map((o) => o.text)
					: q.kind === 'true-false'
						? ['True', 'False']
						: q.kind === 'ordering'
							? q.items.map((i) => i.text)
							: q.kind === 'matching'
								? q.pairs.flatMap((p) => [p.left, p.right])
								: [];
			expect(texts, q.id).toEqual([...expected].sort());
		}
	});

	it('never lists an ordering question’s items in the right order', () => {
		const orderings = real.items.filter((i) => i.question.kind === 'ordering');
		expect(orderings.length).toBeGreaterThan(0);
		for (const { question, root } of orderings) {
			const shown = descendants(interactionOf(root), 'simpleChoice').map((c) => c.text);
			expect(shown, question.id).not.toEqual(rightAnswerInPackTerms(question));
			expect(interactionOf(root).attributes.shuffle).toBe('false');
		}
	});

	it('gives each right answer of a multiple-answer question +1/k and each wrong one −1/k, between 0 and 1', () => {
		const multiples = real.items.filter((i) => i.question.kind === 'multiple');
		expect(multiples.length).toBeGreaterThanOrEqual(10);
		for (const { question: q, root } of multiples) {
			if (q.kind !== 'multiple') continue;
			const mapping = child(responseDeclaration(root), 'mapping');
			expect(mapping.attributes).toMatchObject({ lowerBound: '0', upperBound: '1' });
			const k = q.options.filter((o) => o.correct).length;
			const texts = choiceTexts(root);
			const weights = new Map(
				childrenNamed(mapping, 'mapEntry').map((m) => [
					texts.get(m.attributes.mapKey!),
					Number(m.attributes.mappedValue)
				])
			);
			expect(weights.size).toBe(q.options.length);
			for (const o of q.options)
				expect(weights.get(o.text)).toBeCloseTo(o.correct ? 1 / k : -1 / k, 12);
		}
	});

	it('gives 1/n for each correct pair of a matching question', () => {
		const matchings = real.items.filter((i) => i.question.kind === 'matching');
		expect(matchings.length).toBeGreaterThanOrEqual(10);
		for (const { question: q, root } of matchings) {
			if (q.kind !== 'matching') continue;
			const mapping = child(responseDeclaration(root), 'mapping');
			expect(mapping.attributes).toMatchObject({ lowerBound: '0', upperBound: '1' });
			const entries = childrenNamed(mapping, 'mapEntry');
			expect(entries.map((m) => m.attributes.mapKey).sort()).toEqual(
				[...correctValues(root)].sort()
			);
			for (const m of entries)
				expect(Number(m.attributes.mappedValue)).toBeCloseTo(1 / q.pairs.length, 12);
		}
	});

	it('scores every answer exactly as Sourced does, partial credit included', () => {
		let checked = 0;
		for (const { question, root } of real.items) {
			if (question.kind === 'essay') continue;
			for (const answer of sampleAnswers(question)) {
				const session = new ItemSession(root, responseFor(root, question, answer)).run();
				const score = session.values.get('SCORE');
				const value = score && score.cardinality === 'single' ? Number(score.value) : NaN;
				expect(value, `${question.id} ${JSON.stringify(answer)}`).toBeCloseTo(
					scoreQuestion(question, answer) ?? NaN,
					9
				);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(2000);
	});

	it('gives a nearly right order the same partial credit in runtimes that read contains differently or not at all', () => {
		const orderings = real.items.filter((i) => i.question.kind === 'ordering');
		expect(orderings.length).toBeGreaterThanOrEqual(10);
		let partial = 0;
		for (const reading of ['spec', 'reversed', 'unsupported'] as const)
			for (const { question, root } of orderings)
				for (const answer of sampleAnswers(question)) {
					const expected = scoreQuestion(question, answer) ?? NaN;
					const score = new ItemSession(root, responseFor(root, question, answer), reading)
						.run()
						.values.get('SCORE');
					const value = score && score.cardinality === 'single' ? Number(score.value) : NaN;
					expect(value, `${reading} ${question.id} ${JSON.stringify(answer)}`).toBeCloseTo(
						expected,
						9
					);
					if (expected > 0 && expected < 1) partial++;
				}
		expect(partial).toBeGreaterThan(30);
	});

	it('scores ordering with the operators every runtime supports: index, match, and, or, sum', () => {
		const portable = new Set([
			...['responseCondition', 'responseIf', 'responseElseIf', 'responseElse', 'setOutcomeValue'],
			...['isNull', 'match', 'variable', 'correct', 'baseValue', 'index', 'and', 'or', 'sum'],
			'multiple'
		]);
		for (const { question, root } of real.items.filter((i) => i.question.kind === 'ordering'))
			for (const n of allElements(child(root, 'responseProcessing')).slice(1))
				expect(portable.has(n.name), `${question.id}: <${n.name}>`).toBe(true);
	});

	it('scores random orders of 3 to 6 items exactly as Sourced does (property)', () => {
		const orders = fc.integer({ min: 3, max: 6 }).chain((n) =>
			fc.tuple(
				fc.constant(n),
				fc.shuffledSubarray(
					Array.from({ length: n }, (_, i) => i),
					{ minLength: n, maxLength: n }
				)
			)
		);
		const questions = new Map(
			[3, 4, 5, 6].map((n) => {
				const question = orderingQuestion({
					items: Array.from({ length: n }, (_, i) => ({ id: `step-${i}`, text: `Step ${i}` }))
				});
				return [n, { question, root: parseXml(renderQti21Item(realPack, question)) }];
			})
		);
		fc.assert(
			fc.property(orders, ([n, order]) => {
				const { question, root } = questions.get(n)!;
				const answer: Answer = { kind: 'ordering', order: order.map((i) => `step-${i}`) };
				for (const reading of ['spec', 'reversed', 'unsupported'] as const) {
					const score = new ItemSession(root, responseFor(root, question, answer), reading)
						.run()
						.values.get('SCORE');
					expect(score?.cardinality).toBe('single');
					expect(Number((score as { value: number }).value)).toBeCloseTo(
						scoreQuestion(question, answer)!,
						9
					);
				}
			}),
			{ numRuns: 200, seed: 13 }
		);
	});

	it('opens exactly one modal feedback for any response, which with the feedback shown inline holds exactly the texts Sourced shows', () => {
		let withOptionFeedback = 0;
		for (const { question, root } of real.items) {
			const general = generalFeedbackLines(realPack, question);
			for (const answer of sampleAnswers(question).slice(0, 40)) {
				const where = `${question.id} ${JSON.stringify(answer)}`;
				const session = new ItemSession(root, responseFor(root, question, answer)).run();
				const modals = session.shownFeedback();
				// A player that opens one modal feedback at a time still shows everything.
				expect(modals, where).toHaveLength(1);
				const modal = paragraphs(modalFeedback(root, modals[0]!));
				expect(modal.slice(-general.length), where).toEqual(general);
				const picked = feedbackFor(question, answer).map((f) => f.text);
				const reachable = [...modal.slice(0, -general.length), ...session.shownInlineFeedback()];
				expect(reachable.sort(), where).toEqual(picked.sort());
				if (picked.length > 1) withOptionFeedback++;
			}
		}
		expect(withOptionFeedback).toBeGreaterThan(100);
	});

	it('carries the explanation and every cited passage with its outlet in each item’s general feedback', () => {
		for (const { question: q, root } of real.items) {
			const general = modalFeedback(root, 'GENERAL');
			expect(general.attributes.outcomeIdentifier).toBe('FEEDBACK');
			const lines = paragraphs(general);
			expect(lines, q.id).toEqual(generalFeedbackLines(realPack, q));
			expect(lines[0]).toBe(q.explanation);
			for (const c of q.citations)
				expect(
					lines.some((l) => l.includes(c.exact) && l.includes(sourceLabel(realPack, c.source))),
					`${q.id}: ${c.exact}`
				).toBe(true);
		}
	});

	it('gives a one-answer question one modal feedback per option, titled with it: its own feedback, then the explanation and sources', () => {
		for (const { question: q, root } of real.items) {
			if (q.kind === 'multiple') continue;
			const pairs =
				q.kind === 'single'
					? q.options.map((o) => [o.text, o.feedback])
					: q.kind === 'true-false'
						? [
								['True', q.feedback.ifTrue],
								['False', q.feedback.ifFalse]
							]
						: [];
			const feedback = childrenNamed(root, 'modalFeedback').filter(
				(f) => f.attributes.identifier !== 'GENERAL'
			);
			expect(feedback, q.id).toHaveLength(pairs.length);
			for (const [text, expected] of pairs) {
				const shown = feedback.find((f) => f.attributes.title === text);
				expect(shown, `${q.id}: ${text}`).toBeDefined();
				expect(paragraphs(shown!)).toEqual([expected, ...generalFeedbackLines(realPack, q)]);
			}
		}
	});

	it('writes each option’s feedback of a multiple-answer question inside that option, as inline feedback', () => {
		const multiples = real.items.filter((i) => i.question.kind === 'multiple');
		expect(multiples.length).toBeGreaterThanOrEqual(10);
		for (const { question: q, root } of multiples) {
			if (q.kind !== 'multiple') continue;
			expect(childrenNamed(root, 'modalFeedback').map((f) => f.attributes.identifier)).toEqual([
				'GENERAL'
			]);
			for (const o of q.options) {
				const choice = descendants(root, 'simpleChoice').find((c) => c.text === o.text)!;
				const inline = childrenNamed(choice, 'feedbackInline');
				expect(inline, `${q.id}: ${o.text}`).toHaveLength(1);
				expect(inline[0]!.attributes).toMatchObject({
					outcomeIdentifier: 'FEEDBACK',
					identifier: `FB-${choice.attributes.identifier}`,
					showHide: 'show'
				});
				expect(inlineFeedbackText(inline[0]!)).toBe(o.feedback);
			}
		}
	});

	it('writes the same bytes for the same pack', () => {
		const again = exportPack(realPack, realPack.id, 'qti21').file.data;
		expect(again).toEqual(exportPack(realPack, realPack.id, 'qti21').file.data);
	});
});

describe('QTI 2.1 conversion notes', () => {
	const essays = realPack.questions.filter((q) => q.kind === 'essay');

	it('notes each essay, and nothing else: marked by hand out of its rubric’s total, the marking guide where some LMSs do not look', () => {
		expect(real.notes.map((n) => n.questionId)).toEqual(essays.map((q) => q.id));
		for (const q of essays) {
			const n = real.notes.find((note) => note.questionId === q.id)!;
			expect(n.action).toBe('converted');
			expect(n.note).toContain(`no automatic score, marked by hand out of ${rubricPoints(q)}`);
			expect(n.note).toContain('rubricBlock for scorers, which some LMSs (Canvas among them)');
		}
	});

	it('lists the notes in the manifest', () => {
		const comments = xmlComments(real.files.get('imsmanifest.xml')!).join('\n');
		expect(comments).toContain(`Conversion notes (${essays.length}):`);
		for (const n of real.notes) expect(comments).toContain(`- ${n.questionId}: ${n.note}.`);
	});

	it('converts and leaves out no question of a pack without essays, and says so in the manifest', () => {
		const pack = { ...realPack, questions: realPack.questions.filter((q) => q.kind !== 'essay') };
		const plain = readPackage(pack);
		expect(plain.notes).toEqual([]);
		const comments = xmlComments(plain.files.get('imsmanifest.xml')!);
		expect(comments.some((c) => c.includes('Conversion notes: none'))).toBe(true);
	});

	it('explains in each ordering item how its partial credit is computed, and what a simpler importer would do', () => {
		for (const { question, xml } of real.items.filter((i) => i.question.kind === 'ordering')) {
			const note = xmlComments(xml).join('\n');
			expect(note, question.id).toContain('neighbouring pair');
			expect(note).toContain('all or nothing');
		}
	});
});

describe('QTI 2.1 with special characters', () => {
	const pack = specialCharactersPack();
	const odd = readPackage(pack);
	const item = (kind: Question['kind']) => odd.items.find((i) => i.question.kind === kind)!;

	it('round-trips every text field unchanged', () => {
		expect(odd.test.root.attributes.title).toBe(pack.title);
		expect(odd.items).toHaveLength(pack.questions.length);
		for (const { question: q, root } of odd.items) {
			if (q.kind === 'essay') {
				expect(paragraphsAbove(root)).toEqual(expectedTextWithGuidance(q));
				expect(childrenNamed(descendants(root, 'rubricBlock')[0]!, 'p').map((p) => p.text)).toEqual(
					expectedMarkingLines(q)
				);
			} else expect(child(interactionOf(root), 'prompt').text).toBe(q.prompt);
			expect(paragraphs(modalFeedback(root, 'GENERAL'))).toEqual(generalFeedbackLines(pack, q));
			expect(declaredRightAnswer(root)).toEqual(rightAnswerInPackTerms(q));
		}
		const one = item('single');
		if (one.question.kind === 'single')
			for (const o of one.question.options) {
				const id = identifierOfText(one.root, o.text);
				expect(paragraphs(modalFeedback(one.root, `FB-${id}`))).toEqual([
					o.feedback,
					...generalFeedbackLines(pack, one.question)
				]);
				expect(modalFeedback(one.root, `FB-${id}`).attributes.title).toBe(o.text);
			}
		const many = item('multiple');
		if (many.question.kind === 'multiple')
			for (const o of many.question.options) {
				const choice = descendants(many.root, 'simpleChoice').find((c) => c.text === o.text)!;
				expect(inlineFeedbackText(child(choice, 'feedbackInline'))).toBe(o.feedback);
			}
		const tf = item('true-false');
		if (tf.question.kind === 'true-false') {
			const general = generalFeedbackLines(pack, tf.question);
			expect(paragraphs(modalFeedback(tf.root, 'FB-TRUE'))).toEqual([
				tf.question.feedback.ifTrue,
				...general
			]);
			expect(paragraphs(modalFeedback(tf.root, 'FB-FALSE'))).toEqual([
				tf.question.feedback.ifFalse,
				...general
			]);
		}
	});

	it('keeps texts out of the markup: the only elements are QTI’s own', () => {
		const allowed = new Set([
			...['assessmentItem', 'responseDeclaration', 'correctResponse', 'value', 'mapping'],
			...['mapEntry', 'outcomeDeclaration', 'defaultValue', 'itemBody', 'choiceInteraction'],
			...['orderInteraction', 'matchInteraction', 'prompt', 'simpleChoice', 'simpleMatchSet'],
			...['simpleAssociableChoice', 'responseProcessing', 'responseCondition', 'responseIf'],
			...['responseElseIf', 'responseElse', 'setOutcomeValue', 'baseValue', 'variable'],
			...['correct', 'isNull', 'match', 'member', 'index', 'and', 'or', 'multiple', 'sum'],
			...['mapResponse', 'modalFeedback', 'p', 'extendedTextInteraction', 'rubricBlock'],
			...['feedbackInline', 'br']
		]);
		for (const { root } of odd.items)
			for (const n of allElements(root)) expect(allowed.has(n.name), n.name).toBe(true);
	});
});

// ---- validation against the IMS XSDs ----

function schemaFiles(): XMLFileInfo[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : path.endsWith('.xsd') ? [path] : [];
		});
	// xmllint-wasm writes each file at its name, so the XSDs' relative imports resolve as on disk.
	return walk(schemaDir).map((path) => ({
		fileName: relative(schemaDir, path),
		contents: readFileSync(path, 'utf8')
	}));
}

async function validateAgainst(mainSchema: string, docs: XMLFileInfo[]) {
	const schemas = schemaFiles();
	const main = schemas.find((s) => s.fileName === mainSchema)!;
	return validateXML({
		xml: docs,
		schema: [main],
		preload: schemas.filter((s) => s !== main),
		maxMemoryPages: memoryPages.GiB
	});
}

const qtiDocuments = (p: Package): XMLFileInfo[] => [
	...p.items.map((i) => ({ fileName: `package/${i.path}`, contents: i.xml })),
	{ fileName: `package/${p.test.path}`, contents: p.files.get(p.test.path)! }
];

describe('QTI 2.1 package against the IMS XSDs', () => {
	it.runIf(hasSchemas)(
		'validates every item and the assessmentTest against the QTI 2.1 XSD, and the manifest against IMS CP 1.1',
		async () => {
			for (const p of [real, readPackage(specialCharactersPack())]) {
				const qti = await validateAgainst(QTI_XSD, qtiDocuments(p));
				expect(qti.errors.map((e) => e.rawMessage)).toEqual([]);
				expect(qti.valid).toBe(true);
				const cp = await validateAgainst(CP_XSD, [
					{ fileName: 'package/imsmanifest.xml', contents: p.files.get('imsmanifest.xml')! }
				]);
				expect(cp.errors.map((e) => e.rawMessage)).toEqual([]);
				expect(cp.valid).toBe(true);
				// The CP schema lets metadata through unchecked, so each LOM record is validated on its own.
				const lom = [
					...p.files.get('imsmanifest.xml')!.matchAll(/<imsmd:lom[\s\S]*?<\/imsmd:lom>/g)
				];
				expect(lom.length).toBe(p.items.filter((i) => i.question.level).length);
				const md = await validateAgainst(
					MD_XSD,
					lom.map((m, i) => ({ fileName: `lom-${i}.xml`, contents: m[0] }))
				);
				expect(md.errors.map((e) => e.rawMessage)).toEqual([]);
				expect(md.valid).toBe(true);
			}
		},
		120_000
	);

	it.runIf(hasSchemas)(
		'rejects an item whose choice identifier is not an NCName (so the check above can fail)',
		async () => {
			const [first] = real.items;
			const broken = first!.xml.replace(
				/<simpleChoice identifier="[^"]+"/,
				'<simpleChoice identifier="1-bad"'
			);
			const result = await validateAgainst(QTI_XSD, [{ fileName: 'broken.xml', contents: broken }]);
			expect(result.valid).toBe(false);
			expect(result.errors[0]?.message).toContain('1-bad');
		},
		60_000
	);

	it.runIf(!hasSchemas)(
		`SKIPPED XSD validation: the IMS schemas are not at ${schemaDir} (set QTI_SCHEMA_DIR); every other check ran`,
		() => {
			expect(existsSync(join(schemaDir, QTI_XSD)) && existsSync(join(schemaDir, CP_XSD))).toBe(
				false
			);
		}
	);
});
