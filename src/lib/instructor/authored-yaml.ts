import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Question, Topic } from '../content/schema';
import type { AuthoredEntry } from './authored';

// "Download as YAML": an instructor's own questions written as a topic file of questions/, so an
// author can add them to the bank and `npm run validate -- <file>` accepts the file as it is. Loaded
// only when an instructor asks for the file (the `yaml` package stays out of the page).

/** A topic as its file begins: everything but the seminar guide, which the bank's file keeps. */
export type TopicHeading = Pick<Topic, 'id' | 'order' | 'title' | 'intro' | 'objectives'>;

/** The keys of a question in the order the bank's files write them. */
const KEY_ORDER = [
	'id',
	'kind',
	'difficulty',
	'level',
	'objective',
	'scenario',
	'prompt',
	'options',
	'answer',
	'feedback',
	'items',
	'pairs',
	'guidance',
	'modelAnswer',
	'rubric',
	'explanation',
	'tags',
	'citations'
] as const;

/** Fields holding a quotation from a source: never folded. */
const QUOTE_KEYS = new Set(['exact', 'prefix', 'suffix']);

/**
 * The prefix and next free number of a topic's question ids (`comp` and 34 after comp-33): the
 * prefix most of its questions share, or the topic's id for a topic without numbered questions.
 */
export function nextIds(topicId: string, bankIds: readonly { id: string; topic: string }[]) {
	const counts = new Map<string, number>();
	for (const q of bankIds) {
		const prefix = q.topic === topicId ? /^(.*)-\d+$/.exec(q.id)?.[1] : undefined;
		if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
	}
	const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? topicId;
	let highest = 0;
	for (const { id } of bankIds) {
		const n = id.startsWith(`${prefix}-`) ? /^\d+$/.exec(id.slice(prefix.length + 1)) : null;
		if (n) highest = Math.max(highest, Number(n[0]));
	}
	return { prefix, next: highest + 1 };
}

/** A question as an author writes it: no topic (the file gives it), no offsets, keys in order. */
export function authoredForm(q: Question, id: string): Record<string, unknown> {
	const fields: Record<string, unknown> = {
		...q,
		id,
		citations: q.citations.map(({ source, exact, prefix, suffix }) => ({
			source,
			exact,
			...(prefix !== undefined && { prefix }),
			...(suffix !== undefined && { suffix })
		}))
	};
	if (q.kind === 'single' || q.kind === 'multiple')
		fields.options = q.options.map(({ id: optionId, text, correct, feedback }) => ({
			id: optionId,
			text,
			...(correct && { correct }),
			feedback
		}));
	const ordered: Record<string, unknown> = {};
	for (const key of KEY_ORDER) if (fields[key] !== undefined) ordered[key] = fields[key];
	return ordered;
}

/**
 * The topic file for the instructor's valid questions of one topic: the topic's heading, then each
 * question, oldest saved first, under the next free id of the topic (`comp-34`), with a comment saying which question of
 * the browser it was and what it was edited from.
 */
export function authoredTopicYaml(
	topic: TopicHeading,
	entries: readonly AuthoredEntry[],
	bankIds: readonly { id: string; topic: string }[]
): string {
	// Oldest first, as a topic file grows: the browser lists its questions newest first, but the
	// question written first should take the first free id.
	const mine = entries
		.flatMap((e) => (e.valid && e.question.topic === topic.id ? [e] : []))
		.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
	const { prefix, next } = nextIds(topic.id, bankIds);
	const width = Math.max(2, String(next + mine.length - 1).length);
	const ids = mine.map((_, i) => `${prefix}-${String(next + i).padStart(width, '0')}`);
	const doc = new Document({
		topic: { ...topic },
		questions: mine.map((e, i) => authoredForm(e.question, ids[i]!))
	});
	doc.commentBefore = ` Questions written in Sourced's question editor, for questions/${topic.id}.yaml.
 To add them to the bank, copy the entries under "questions:" to the end of that file's
 questions (or keep this file as a new topic with its own id and order), then run
 npm run validate -- questions`;
	// Long prose as the bank's files write it (`>-`, folded); quotations stay on one line, as written.
	visit(doc, {
		Pair(_, pair) {
			const key = isScalar(pair.key) ? pair.key.value : undefined;
			const value = pair.value;
			if (QUOTE_KEYS.has(String(key)) || !isScalar(value)) return;
			if (typeof value.value === 'string' && value.value.length > 80)
				value.type = Scalar.BLOCK_FOLDED;
		}
	});
	const list = doc.get('questions');
	if (isSeq(list))
		list.items.forEach((node, i) => {
			const e = mine[i]!;
			if (isMap(node))
				node.commentBefore = ` Written in the browser as ${e.id}${e.editedFrom ? `, edited from ${e.editedFrom}` : ''}`;
		});
	return doc.toString({ lineWidth: 100, minContentWidth: 40, indentSeq: true });
}

/** The file name of a topic's download: `compensation.mine.yaml`. */
export const authoredYamlName = (topicId: string) => `${topicId}.mine.yaml`;
