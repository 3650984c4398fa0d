import '../zod-jitless';
import { z } from 'zod';
import {
	difficulties,
	levels,
	modes,
	unhandledKind,
	type AssertSameKeys,
	type QuestionKind
} from './vocabulary';

/** Lower-case slug: letters, digits and single hyphens. Used for every id in the bank. */
export const slugSchema = z
	.string()
	.max(80)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "comp-01"');

/**
 * Characters no text of ours may hold: C0 controls other than tab and line feed (a carriage return
 * included: imports turn it into a line feed first), U+FFFE/U+FFFF and lone surrogates. Formats such
 * as GIFT read a leading control character as markup, so none may reach an exporter.
 */
const NOT_PLAIN_TEXT =
	// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
	/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is not plain text, naming the character and where it is; undefined if it is. */
export function plainTextProblem(value: string): string | undefined {
	const found = NOT_PLAIN_TEXT.exec(value);
	if (!found) return undefined;
	const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
	return `contains the character U+${code} at position ${found.index + 1}, which a text may not hold (control characters, U+FFFE/U+FFFF and lone surrogates are refused)`;
}

/** A string that holds only plain text: no control characters other than tab and line feed. */
const plainString = () =>
	z.string().check(
		z.superRefine((value, ctx) => {
			const problem = plainTextProblem(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
		})
	);

const text = (max: number) => plainString().trim().min(1, 'must not be empty').max(max);

export { difficulties, questionKinds, type Difficulty, type QuestionKind } from './vocabulary';
export const difficultySchema = z.enum(difficulties);
export const levelSchema = z.enum(levels);

/** Metadata of one source document; the text itself lives in `questions/sources/<file>`. */
export const sourceSchema = z.strictObject({
	id: slugSchema,
	file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in questions/sources/'),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
	label: text(60).describe('Short name used beside quotations, e.g. "Ars Technica"'),
	outlet: text(200),
	author: text(200),
	headline: text(300),
	published: z.union([z.iso.date(), z.literal('unknown')]),
	dateNote: text(400),
	url: z.union([z.url({ protocol: /^https$/ }), z.literal('unknown')]),
	copyFoundAt: z.url({ protocol: /^https$/ }).optional(),
	captureNotes: z.array(text(600)).min(1).max(20)
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });

/**
 * A quotation as written by an author: a W3C Web Annotation TextQuoteSelector.
 * `exact` must appear in the source character for character; prefix/suffix pick one occurrence.
 */
export const citationSchema = z.strictObject({
	source: slugSchema,
	exact: plainString().min(8, 'must quote at least 8 characters').max(1200),
	prefix: plainString().min(1).max(200).optional(),
	suffix: plainString().min(1).max(200).optional()
});
export type Citation = z.infer<typeof citationSchema>;

/** A citation after the build has located it: W3C TextPositionSelector offsets (code points) and an anchor id. */
export const anchoredCitationSchema = citationSchema.extend({
	start: z.int().nonnegative(),
	end: z.int().positive(),
	anchor: z.string().regex(/^p\d+-\d+$/, 'must look like "p123-456"')
});
export type AnchoredCitation = z.infer<typeof anchoredCitationSchema>;

export const objectiveSchema = z.strictObject({ id: slugSchema, text: text(300) });
export type Objective = z.infer<typeof objectiveSchema>;

const readingFields = { note: text(400).describe('Why the passage matters, in our own words') };

/** A passage to read before a seminar: a citation, and a note on why it matters. */
export const readingSchema = citationSchema.extend(readingFields);
export type Reading = z.infer<typeof readingSchema>;

/** A seminar guide whose readings have the given shape (as authored, or anchored by the build). */
const seminarOf = <R extends z.ZodType>(reading: R) =>
	z.strictObject({
		discussion: z.array(text(1000)).min(3).max(5),
		readings: z.array(reading).min(3).max(6)
	});

/** A topic's seminar guide: three to five questions to discuss, and the passages to read first. */
export const seminarSchema = seminarOf(readingSchema);
export type Seminar = z.infer<typeof seminarSchema>;

export const topicSchema = z.strictObject({
	id: slugSchema,
	order: z.int().min(1),
	title: text(120),
	intro: text(1500),
	objectives: z.array(objectiveSchema).min(2).max(4),
	seminar: seminarSchema.optional()
});
export type Topic = z.infer<typeof topicSchema>;

const optionSchema = z.strictObject({
	id: slugSchema,
	text: text(400),
	correct: z.boolean().default(false),
	feedback: text(800)
});
export type Option = z.infer<typeof optionSchema>;

const itemSchema = z.strictObject({ id: slugSchema, text: text(300) });

/** One criterion of a written argument's rubric: what earns it, and how many points. */
export const rubricCriterionSchema = z.strictObject({
	id: slugSchema,
	criterion: text(400),
	points: z.int().min(1).max(5)
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;
const pairSchema = z.strictObject({ id: slugSchema, left: text(300), right: text(300) });

const commonFields = {
	id: slugSchema,
	difficulty: difficultySchema,
	level: levelSchema.optional(),
	/** A hypothetical case in our own words, shown above the prompt and marked as hypothetical. */
	scenario: text(1500).optional(),
	prompt: text(1000),
	explanation: text(2000),
	objective: slugSchema,
	tags: z.array(slugSchema).max(20).default([])
};

const variants = {
	single: z.strictObject({
		...commonFields,
		kind: z.literal('single'),
		options: z.array(optionSchema).min(2).max(6)
	}),
	multiple: z.strictObject({
		...commonFields,
		kind: z.literal('multiple'),
		options: z.array(optionSchema).min(3).max(8)
	}),
	trueFalse: z.strictObject({
		...commonFields,
		kind: z.literal('true-false'),
		answer: z.boolean(),
		feedback: z.strictObject({ ifTrue: text(800), ifFalse: text(800) })
	}),
	ordering: z.strictObject({
		...commonFields,
		kind: z.literal('ordering'),
		items: z.array(itemSchema).min(3).max(6).describe('In the correct order')
	}),
	matching: z.strictObject({
		...commonFields,
		kind: z.literal('matching'),
		pairs: z.array(pairSchema).min(3).max(6)
	}),
	/** A written argument: not marked by the machine; the student compares with a model answer. */
	essay: z.strictObject({
		...commonFields,
		kind: z.literal('essay'),
		guidance: text(1500).describe('What a good answer does, shown before writing'),
		modelAnswer: text(4000).describe('An answer in our own words, every claim attributed'),
		rubric: z.array(rubricCriterionSchema).min(3).max(5)
	})
};

type AnyQuestion = z.infer<(typeof variants)[keyof typeof variants]>;

/** Rules a zod shape cannot say alone: the answer key, unique ids, distinct texts. */
function checkAnswerKey(q: AnyQuestion, ctx: z.core.$RefinementCtx): void {
	const issue = (message: string, path: (string | number)[]) =>
		ctx.addIssue({ code: 'custom', message, path });
	const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

	switch (q.kind) {
		case 'single':
		case 'multiple': {
			const correct = q.options.filter((o) => o.correct).length;
			if (q.kind === 'single' && correct !== 1)
				issue(`a single-answer question needs exactly one correct option, found ${correct}`, [
					'options'
				]);
			if (q.kind === 'multiple' && correct < 2)
				issue(`a multiple-answer question needs at least two correct options, found ${correct}`, [
					'options'
				]);
			if (q.kind === 'multiple' && correct === q.options.length)
				issue('a multiple-answer question needs at least one wrong option', ['options']);
			for (const id of duplicates(q.options.map((o) => o.id)))
				issue(`option id "${id}" is used twice`, ['options']);
			for (const t of duplicates(q.options.map((o) => o.text)))
				issue(`option text "${t}" is used twice`, ['options']);
			return;
		}
		case 'true-false':
			return;
		case 'ordering':
			for (const id of duplicates(q.items.map((o) => o.id)))
				issue(`item id "${id}" is used twice`, ['items']);
			// Moodle's ordering question tells items apart by their text.
			for (const t of duplicates(q.items.map((o) => o.text)))
				issue(`item text "${t}" is used twice, so the order is ambiguous`, ['items']);
			return;
		case 'matching':
			for (const id of duplicates(q.pairs.map((p) => p.id)))
				issue(`pair id "${id}" is used twice`, ['pairs']);
			for (const t of duplicates(q.pairs.map((p) => p.right)))
				issue(`right-hand text "${t}" is used twice, so the match is ambiguous`, ['pairs']);
			return;
		case 'essay':
			for (const id of duplicates(q.rubric.map((c) => c.id)))
				issue(`rubric criterion id "${id}" is used twice`, ['rubric']);
			return;
		default:
			unhandledKind(q);
	}
}

/** A question as an author writes it in `questions/<topic>.yaml` (topic implied by the file). */
export const authoredQuestionSchema = z
	.discriminatedUnion('kind', [
		variants.single.extend({ citations: z.array(citationSchema).min(1).max(20) }),
		variants.multiple.extend({ citations: z.array(citationSchema).min(1).max(20) }),
		variants.trueFalse.extend({ citations: z.array(citationSchema).min(1).max(20) }),
		variants.ordering.extend({ citations: z.array(citationSchema).min(1).max(20) }),
		variants.matching.extend({ citations: z.array(citationSchema).min(1).max(20) }),
		variants.essay.extend({ citations: z.array(citationSchema).min(1).max(20) })
	])
	.superRefine(checkAnswerKey);
export type AuthoredQuestion = z.infer<typeof authoredQuestionSchema>;

const builtFields = {
	topic: slugSchema,
	citations: z.array(anchoredCitationSchema).min(1).max(20)
};

/** A question as the site, the exporters and packs use it: topic set, every citation anchored. */
export const questionSchema = z
	.discriminatedUnion('kind', [
		variants.single.extend(builtFields),
		variants.multiple.extend(builtFields),
		variants.trueFalse.extend(builtFields),
		variants.ordering.extend(builtFields),
		variants.matching.extend(builtFields),
		variants.essay.extend(builtFields)
	])
	.superRefine(checkAnswerKey);
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;

/** The kind list in vocabulary.ts and the kinds of the union above are the same set. */
export const kindsMatchSchema: AssertSameKeys<Question['kind'], QuestionKind> = true;

/** One file per topic: the topic's description, then its questions. */
export const topicFileSchema = z.strictObject({
	topic: topicSchema,
	questions: z.array(authoredQuestionSchema)
});
export type TopicFile = z.infer<typeof topicFileSchema>;

export const glossaryTermSchema = z.strictObject({
	id: slugSchema,
	term: text(80),
	aliases: z.array(text(80)).default([]),
	definition: text(1200),
	citations: z.array(citationSchema).min(1)
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const glossaryFileSchema = z.strictObject({ terms: z.array(glossaryTermSchema).min(1) });

/** One outlet's account in a comparison: its own words, quoted, with an optional note in ours. */
export const accountSchema = z.strictObject({
	source: slugSchema,
	note: text(400).optional(),
	quotes: z.array(citationSchema.omit({ source: true })).min(1)
});

/**
 * A cross-source discrepancy shown side by side on the "Who said what" page. A question tagged with
 * its id teaches it.
 */
export const comparisonSchema = z.strictObject({
	id: slugSchema,
	title: text(120),
	question: text(300).describe('The question the outlets answer differently'),
	summary: text(1500).describe('What differs and why it matters, in our own words'),
	accounts: z.array(accountSchema).min(2)
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const compareFileSchema = z.strictObject({
	discrepancies: z.array(comparisonSchema).min(1)
});

const topicFileName = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/,
		'must be a topic file name such as "compensation.yaml"'
	)
	.refine((name) => !['module.yaml', 'glossary.yaml', 'compare.yaml'].includes(name), {
		message: 'must be a topic file, not module.yaml, glossary.yaml or compare.yaml'
	});

const pageCopy = <F extends z.ZodRawShape>(fields: F) =>
	z.strictObject({ description: text(300).describe("The page's meta description"), ...fields });

/** The case study a bank teaches (`questions/module.yaml`): names, page copy, topic files. */
export const moduleSchema = z.strictObject({
	title: text(200).describe(
		'As it reads after "Sourced: ", e.g. "the Sora leak, as five outlets reported it"'
	),
	shortTitle: text(80).describe('In running text, e.g. "the Sora leak"'),
	about: text(300).describe("The first sentence of every page's footer"),
	pages: z.strictObject({
		home: pageCopy({ lede: text(1500) }),
		sources: pageCopy({ intro: text(1000) }),
		glossary: pageCopy({}),
		compare: pageCopy({})
	}),
	topics: z
		.array(topicFileName)
		.min(1)
		.superRefine((names, ctx) =>
			names.forEach((name, i) => {
				if (names.indexOf(name) !== i)
					ctx.addIssue({ code: 'custom', message: `${name} is listed twice`, path: [i] });
			})
		)
});
export type Module = z.infer<typeof moduleSchema>;

/** The module as the site uses it: the topic files are read, and the title has a heading form. */
export const builtModuleSchema = moduleSchema.omit({ topics: true }).extend({
	heading: text(200).describe('The title with its first letter capitalised')
});
export type BuiltModule = z.infer<typeof builtModuleSchema>;

/** A source as the build reads it: its metadata and its text. */
export const loadedSourceSchema = sourceSchema.extend({ text: z.string() });
export type LoadedSource = z.infer<typeof loadedSourceSchema>;

/** A glossary term after the build: every citation anchored. */
export const builtGlossaryTermSchema = glossaryTermSchema.extend({
	citations: z.array(anchoredCitationSchema).min(1)
});
export type BuiltGlossaryTerm = z.infer<typeof builtGlossaryTermSchema>;

/** An outlet's account after the build: each quote anchored in that outlet's source. */
export const builtAccountSchema = accountSchema.extend({
	quotes: z.array(anchoredCitationSchema).min(1)
});
export type BuiltAccount = z.infer<typeof builtAccountSchema>;

/** A comparison after the build: every account's quotes anchored. */
export const builtComparisonSchema = comparisonSchema.extend({
	accounts: z.array(builtAccountSchema).min(2)
});
export type BuiltComparison = z.infer<typeof builtComparisonSchema>;

/** A seminar reading after the build: anchored in its source like a citation. */
export const builtReadingSchema = anchoredCitationSchema.extend(readingFields);
export type BuiltReading = z.infer<typeof builtReadingSchema>;

/** A topic after the build: its seminar readings anchored. */
export const builtTopicSchema = topicSchema.extend({
	seminar: seminarOf(builtReadingSchema).optional()
});
export type BuiltTopic = z.infer<typeof builtTopicSchema>;

/** The whole validated bank: every question's citations anchored in its source's text. */
export const bankSchema = z.strictObject({
	module: builtModuleSchema,
	sources: z.array(loadedSourceSchema).min(1),
	topics: z.array(builtTopicSchema),
	questions: z.array(questionSchema),
	glossary: z.array(builtGlossaryTermSchema),
	comparisons: z.array(builtComparisonSchema)
});
export type Bank = z.infer<typeof bankSchema>;

export const packSettingsSchema = z.strictObject({
	mode: z.enum(modes).default('practice'),
	shuffleOptions: z.boolean().default(true),
	shuffleQuestions: z.boolean().default(false)
});
export type PackSettings = z.infer<typeof packSettingsSchema>;

/**
 * Source metadata as a pack carries it: everything but the file name. The SHA-256 of the text says
 * which copy the pack's quotations were taken from (older packs lack it); an import accepts only
 * the site's own sources, matched by id and this hash.
 */
export const packSourceSchema = sourceSchema
	.omit({ file: true, sha256: true })
	.extend({ sha256: sourceSchema.shape.sha256.optional() });
export type PackSource = z.infer<typeof packSourceSchema>;

export const packTopicSchema = topicSchema.pick({ id: true, title: true });

/** A self-contained question pack: the questions, the topics and sources they need, the cited passages. */
export const packSchema = z
	.strictObject({
		schemaVersion: z.literal(1),
		id: slugSchema,
		title: text(200),
		description: plainString().max(4000).default(''),
		settings: packSettingsSchema,
		topics: z.array(packTopicSchema).max(100),
		sources: z.array(packSourceSchema).max(100),
		questions: z.array(questionSchema).min(1).max(1000, 'a pack can hold at most 1,000 questions')
	})
	.superRefine((pack, ctx) => {
		const topics = new Set(pack.topics.map((t) => t.id));
		const sources = new Set(pack.sources.map((s) => s.id));
		const seen = new Set<string>();
		pack.questions.forEach((q, i) => {
			if (seen.has(q.id))
				ctx.addIssue({
					code: 'custom',
					message: `question id "${q.id}" appears twice`,
					path: ['questions', i, 'id']
				});
			seen.add(q.id);
			if (!topics.has(q.topic))
				ctx.addIssue({
					code: 'custom',
					message: `topic "${q.topic}" is not in the pack's topics`,
					path: ['questions', i, 'topic']
				});
			q.citations.forEach((c, j) => {
				if (!sources.has(c.source))
					ctx.addIssue({
						code: 'custom',
						message: `source "${c.source}" is not in the pack's sources`,
						path: ['questions', i, 'citations', j, 'source']
					});
			});
		});
	});
export type Pack = z.infer<typeof packSchema>;
