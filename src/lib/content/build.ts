import { anchorCitations, type SourceTexts } from './anchor';
import type { Problem } from './problems';
import type {
	AuthoredQuestion,
	BuiltComparison,
	BuiltGlossaryTerm,
	BuiltTopic,
	Comparison,
	GlossaryTerm,
	Question,
	Topic
} from './schema';

// What the build makes of authored content once it is valid YAML and fits its schema. Pure and
// free of Node, so the build, the CLI and a browser editor build content the same way.

/** A built value, or the problems (paths inside the authored value) that stopped it. */
export type Built<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const under = (path: (string | number)[], problems: Problem[]): Problem[] =>
	problems.map((p) => ({ ...p, path: [...path, ...p.path] }));

/** A question as the site uses it: as authored, with its topic set and every citation anchored. */
export function buildQuestion(
	authored: AuthoredQuestion,
	topicId: string,
	texts: SourceTexts
): Built<Question> {
	const { citations, problems } = anchorCitations(authored.citations, texts);
	if (problems.length) return { ok: false, problems: under(['citations'], problems) };
	return { ok: true, value: { ...authored, topic: topicId, citations } };
}

/**
 * Why a question's objective is not one of its topic's, in the build's words; undefined if it is one.
 * The build reports it at the question's `objective`, the browser editor at its objective field.
 */
export function objectiveProblem(
	objective: string,
	topic: { id: string; objectives: readonly Pick<Topic['objectives'][number], 'id'>[] }
): string | undefined {
	const objectives = topic.objectives.map((o) => o.id);
	if (objectives.includes(objective)) return undefined;
	return `objective "${objective}" is not one of topic ${topic.id}'s (${objectives.join(', ')})`;
}

/** A topic with its seminar readings, if it has a seminar guide, anchored like citations. */
export function buildTopic(topic: Topic, texts: SourceTexts): Built<BuiltTopic> {
	const { seminar, ...rest } = topic;
	if (!seminar) return { ok: true, value: rest };
	const { citations, problems } = anchorCitations(seminar.readings, texts, 'reading');
	if (problems.length) return { ok: false, problems: under(['seminar', 'readings'], problems) };
	return { ok: true, value: { ...rest, seminar: { ...seminar, readings: citations } } };
}

/** A glossary term with every citation anchored. */
export function buildGlossaryTerm(
	term: GlossaryTerm,
	texts: SourceTexts
): Built<BuiltGlossaryTerm> {
	const { citations, problems } = anchorCitations(term.citations, texts);
	if (problems.length) return { ok: false, problems: under(['citations'], problems) };
	return { ok: true, value: { ...term, citations } };
}

/** A comparison with each account's quotes anchored in that account's source. */
export function buildComparison(row: Comparison, texts: SourceTexts): Built<BuiltComparison> {
	const problems: Problem[] = [];
	const accounts = row.accounts.map((account, k) => {
		const quotes = account.quotes.map((quote) => ({ ...quote, source: account.source }));
		const anchored = anchorCitations(quotes, texts);
		problems.push(...under(['accounts', k, 'quotes'], anchored.problems));
		return { ...account, quotes: anchored.citations };
	});
	if (problems.length) return { ok: false, problems };
	return { ok: true, value: { ...row, accounts } };
}
