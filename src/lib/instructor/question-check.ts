import type { z } from 'zod';
import { anchorCitations, type SourceTexts } from '../content/anchor';
import { buildQuestion, objectiveProblem } from '../content/build';
import {
	authoredQuestionSchema,
	citationSchema,
	type AnchoredCitation,
	type Objective,
	type Question,
	type Topic
} from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import { authoredValue, citationOf, tagsOf, type QuestionDraft } from './question-draft';

// Judges a draft in the browser exactly as `npm run build` judges a question in a topic file: the
// same zod schema, the same objective rule and the same anchoring code, each problem placed at the
// form field it is about and said in plain words.

/** A topic as the editor offers it: its id, title and objectives. */
export type EditorTopic = Pick<Topic, 'id' | 'title'> & { objectives: readonly Objective[] };

export interface CheckContext {
	topics: readonly EditorTopic[];
	/** The sources' texts; until they arrive, quotations are not checked yet. */
	texts: SourceTexts | undefined;
	/** Short names of the sources by id, for messages ("the Ars Technica text"). */
	sourceLabels: Readonly<Record<string, string>>;
}

/** One problem, at the field it is about (`options.2.text`), in plain words. */
export interface FieldProblem {
	field: string;
	/** The field as the error summary names it: "Option 3 text". */
	label: string;
	message: string;
	/** A quotation that is not in its source: the passage that comes closest, as the build finds it. */
	nearest?: string;
}

export interface DraftCheck {
	problems: FieldProblem[];
	/** Each citation anchored in its source, or undefined where it could not be (yet). */
	anchored: (AnchoredCitation | undefined)[];
	/** The question as the site would build it, when there is no problem and the texts are here. */
	question: Question | undefined;
	/** False while the sources' texts are still loading: quotations are not checked yet. */
	quotationsChecked: boolean;
}

/** Checks a draft with the build's schema, objective rule and anchoring. */
export function checkDraft(draft: QuestionDraft, context: CheckContext): DraftCheck {
	const value = authoredValue(draft);
	const parsed = authoredQuestionSchema.safeParse(value);
	const problems: FieldProblem[] = parsed.success
		? []
		: parsed.error.issues.map((issue) => problemOf(issue, draft, value));

	const topic = context.topics.find((t) => t.id === draft.topic);
	if (!topic) problems.push(at('topic', 'Choose the topic this question belongs to.'));
	else if (draft.objective) {
		const wrong = objectiveProblem(draft.objective, topic);
		if (wrong) problems.push(at('objective', `${sentence(wrong)}. Choose one of this topic’s.`));
	}

	const anchored = anchorDraftCitations(draft, context, problems);
	const question =
		parsed.success && !problems.length && context.texts
			? built(buildQuestion(parsed.data, draft.topic, context.texts))
			: undefined;
	return { problems, anchored, question, quotationsChecked: !!context.texts };
}

const built = (result: ReturnType<typeof buildQuestion>) => (result.ok ? result.value : undefined);

/**
 * Anchors every citation the schema found nothing wrong with, as the build does, adding a problem
 * for each miss: the build's message, a plain lead, and the nearest passage when there is one.
 */
function anchorDraftCitations(
	draft: QuestionDraft,
	{ texts, sourceLabels }: CheckContext,
	problems: FieldProblem[]
): (AnchoredCitation | undefined)[] {
	if (!texts) return draft.citations.map(() => undefined);
	// Only a citation that fits the citation schema is anchored, as in the build (an empty quotation
	// would be found everywhere); the others keep their place in the list, so numbers match the build's.
	const citations = draft.citations.map(citationOf);
	const fits = citations.map((c) => citationSchema.safeParse(c).success);
	const flawed = new Set(citations.flatMap((_, j) => (fits[j] ? [] : [j])));
	const anchorable = citations.map((c, j) => (fits[j] ? c : { ...c, source: '' }));
	const { citations: found, problems: misses } = anchorCitations(anchorable, texts);
	const missed = new Map(misses.map((m) => [m.path[0] as number, m]));
	const anchored: (AnchoredCitation | undefined)[] = [];
	let next = 0;
	citations.forEach((citation, j) => {
		const miss = missed.get(j);
		if (!miss) {
			anchored.push(found[next++]);
			return;
		}
		anchored.push(undefined);
		if (flawed.has(j)) return;
		const field = `citations.${j}.${miss.path[1]}`;
		const source = texts.get(citation.source);
		const result = source?.anchor(citation);
		const label = sourceLabels[citation.source] ?? citation.source;
		if (!source || !result || result.ok) {
			problems.push(at(field, `Choose one of the sources. The build says: ${miss.message}.`));
			return;
		}
		const lead =
			result.problem === 'not-found'
				? `This quotation is not word for word in the ${label} text.`
				: result.problem === 'ambiguous'
					? `This quotation occurs more than once in the ${label} text: give the words just before or after it to say which.`
					: `This quotation is in the ${label} text, but the words given just before or after it match none of the places where it occurs.`;
		problems.push({
			...at(field, `${lead} The build says: ${miss.message}.`),
			...(result.problem === 'not-found' && result.nearest ? { nearest: result.nearest } : {})
		});
	});
	return anchored;
}

/** A problem at a field, named as the summary names it. */
function at(field: string, message: string): FieldProblem {
	return { field, label: fieldLabel(field), message };
}

const sentence = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

const listNouns: Record<string, [string, string]> = {
	options: ['option', 'options'],
	items: ['item', 'items'],
	pairs: ['pair', 'pairs'],
	rubric: ['criterion', 'criteria'],
	citations: ['citation', 'citations'],
	tags: ['tag', 'tags']
};

/** A zod issue from the build's schema, at its field, in plain words. */
function problemOf(
	issue: z.core.$ZodIssue,
	draft: QuestionDraft,
	value: Record<string, unknown>
): FieldProblem {
	const path = issue.path.map(String);
	// A tag is one entry of a comma-separated field: the problem is the field's, naming the tag.
	if (path[0] === 'tags' && path.length > 1) {
		const tag = tagsOf(draft.tags)[Number(path[1])] ?? '';
		return at('tags', `Tag “${tag}”: ${plainMessage(issue, ['tags'], tag)}`);
	}
	// Ids are made by the editor, never typed: a problem with one is shown at the entry's text.
	if (path.length === 3 && path[2] === 'id') path[2] = firstTextField[path[0]!] ?? 'id';
	const field = path.join('.') || 'kind';
	return at(field, plainMessage(issue, path, valueAt(value, issue.path)));
}

/** The value at a path inside the authored value, as typed. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(v, key) =>
			v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
		value
	);
}

const firstTextField: Record<string, string> = {
	options: 'text',
	items: 'text',
	pairs: 'left',
	rubric: 'criterion'
};

/** What to choose when a choice is missing, by field. */
const choose: Record<string, string> = {
	difficulty: 'Choose a difficulty.',
	objective: 'Choose the learning objective this question serves.',
	answer: 'Choose whether the statement is true or false.',
	source: 'Choose the source this passage is from.'
};

/** The build's rule for an issue, said as a sentence an instructor reads beside the field. */
function plainMessage(issue: z.core.$ZodIssue, path: string[], typed: unknown): string {
	const last = path.at(-1) ?? '';
	const [one, many] = listNouns[last] ?? ['entry', 'entries'];
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'string')
				return Number(issue.minimum) <= 1
					? (choose[last] ?? 'Write something here: it must not be empty.')
					: `Write at least ${issue.minimum} characters.`;
			if (issue.origin === 'array')
				return `Add at least ${issue.minimum} ${Number(issue.minimum) === 1 ? one : many}.`;
			return `Must be at least ${issue.minimum}.`;
		case 'too_big':
			if (issue.origin === 'string')
				return `Too long: at most ${Number(issue.maximum).toLocaleString('en')} characters.`;
			if (issue.origin === 'array') return `At most ${issue.maximum} ${many}: remove some.`;
			return `Must be at most ${issue.maximum}.`;
		case 'invalid_type':
			return choose[last] ?? 'Fill this in.';
		case 'invalid_value':
			return choose[last] ?? `Choose one of: ${issue.values.join(', ')}.`;
		case 'invalid_format':
			return choose[last] && !typed ? choose[last]! : `${sentence(issue.message)}.`;
		default:
			return `${sentence(issue.message)}.`;
	}
}

/** The field at a path as the error summary names it: "Option 3 feedback", "Citation 1 source". */
export function fieldLabel(field: string): string {
	const [head, index, part] = field.split('.');
	const n = Number(index) + 1;
	const noun = (listNouns[head ?? ''] ?? [head ?? ''])[0]!;
	const partLabel: Record<string, string> = {
		text: 'text',
		feedback: 'feedback',
		correct: 'right answer',
		left: 'item',
		right: 'match',
		criterion: 'text',
		points: 'points',
		source: 'source',
		exact: 'quotation',
		prefix: 'words before',
		suffix: 'words after',
		ifTrue: 'if True',
		ifFalse: 'if False'
	};
	if (head === 'feedback') return `Feedback ${partLabel[index ?? ''] ?? index}`;
	if (index !== undefined && /^\d+$/.test(index))
		return `${sentence(noun)} ${n}${part ? ` ${partLabel[part] ?? part}` : ''}`;
	return topLabels[field] ?? sentence(field);
}

const topLabels: Record<string, string> = {
	kind: 'Kind',
	topic: 'Topic',
	objective: 'Learning objective',
	difficulty: 'Difficulty',
	level: 'Cognitive level',
	scenario: 'Hypothetical case',
	prompt: 'Prompt',
	explanation: 'Explanation',
	tags: 'Tags',
	options: 'Options',
	answer: 'Right answer',
	items: 'Items',
	pairs: 'Pairs',
	guidance: 'Guidance',
	modelAnswer: 'Model answer',
	rubric: 'Rubric',
	citations: 'Citations'
};

/**
 * The question a student would see for a draft that may not be valid yet: the fields as typed and
 * the citations that anchor. Only for the preview; `checkDraft` says whether it may be used.
 */
export function previewQuestion(
	draft: QuestionDraft,
	anchored: readonly (AnchoredCitation | undefined)[]
): Question {
	const common = {
		id: draft.id,
		topic: draft.topic,
		difficulty: draft.difficulty || 'core',
		...(draft.level ? { level: draft.level } : {}),
		...(draft.scenario.trim() ? { scenario: draft.scenario.trim() } : {}),
		prompt: draft.prompt.trim(),
		explanation: draft.explanation.trim(),
		objective: draft.objective,
		tags: tagsOf(draft.tags),
		citations: anchored.filter((c) => c !== undefined)
	};
	// A blank text still gets words, so every input of the preview keeps a label.
	const shown = (text: string, noun: string, i: number) =>
		text.trim() || `(${noun} ${i + 1} not written yet)`;
	switch (draft.kind) {
		case 'single':
		case 'multiple':
			return {
				...common,
				kind: draft.kind,
				options: draft.options.map((o, i) => ({ ...o, text: shown(o.text, 'option', i) }))
			};
		case 'true-false':
			return {
				...common,
				kind: 'true-false',
				answer: draft.answer ?? true,
				feedback: draft.feedback
			};
		case 'ordering':
			return {
				...common,
				kind: 'ordering',
				items: draft.items.map((it, i) => ({ ...it, text: shown(it.text, 'item', i) }))
			};
		case 'matching':
			return {
				...common,
				kind: 'matching',
				pairs: draft.pairs.map((p, i) => ({
					...p,
					left: shown(p.left, 'item', i),
					right: shown(p.right, 'match', i)
				}))
			};
		case 'essay':
			return {
				...common,
				kind: 'essay',
				guidance: draft.guidance,
				modelAnswer: draft.modelAnswer,
				rubric: draft.rubric
			};
		default:
			return unhandledKind(draft.kind);
	}
}
