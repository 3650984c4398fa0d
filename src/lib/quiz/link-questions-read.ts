import '../zod-jitless';
import { z } from 'zod';
import { SourceText, type SourceTexts } from '../content/anchor';
import { buildQuestion } from '../content/build';
import type { SiteSource } from '../content/pack';
import { formatPath } from '../content/problems';
import { authoredQuestionSchema, slugSchema, type Question } from '../content/schema';
import { AUTHORED_ID_PREFIX } from '../content/vocabulary';
import { inflateLinkQuestions } from './link-questions';

/** The most questions an `own` value may hold, and the most bytes it may inflate to. */
export const MAX_LINK_QUESTIONS = 100;
const MAX_INFLATED_BYTES = 1024 * 1024;

const carriedSchema = z
	.array(z.looseObject({ id: z.string(), topic: slugSchema }))
	.max(MAX_LINK_QUESTIONS);

/** What the site needs to check questions a link carries. */
export interface LinkQuestionContext {
	/** The ids the link lists: only those are read. */
	ids: readonly string[];
	/** The site's topics: a question must belong to one. */
	topics: ReadonlySet<string>;
	/** The site's source texts: every quotation is anchored in them, by the build's own code. */
	texts: SourceTexts;
}

/**
 * The instructor's own questions a link carries (`own=`), each checked as the build checks a bank
 * question (schema, answer key, every quotation anchored in the site's text of its source), so a link
 * cannot put words in an outlet's mouth. Only `my-…` ids the link lists are taken; anything else is
 * left out and said in plain words (the quiz then reports those ids as missing).
 */
export async function readLinkQuestions(
	own: string,
	{ ids, topics, texts }: LinkQuestionContext
): Promise<{ questions: Question[]; problems: string[] }> {
	let json: unknown;
	try {
		json = await inflateLinkQuestions(own, MAX_INFLATED_BYTES);
	} catch {
		return {
			questions: [],
			problems: [
				'The link’s own questions could not be read (it may have been cut short or changed); the questions that need them are reported missing.'
			]
		};
	}
	const list = carriedSchema.safeParse(json);
	if (!list.success)
		return {
			questions: [],
			problems: [
				`The link’s own questions are not in the expected form (${z.prettifyError(list.error).split('\n')[0]}); the questions that need them are reported missing.`
			]
		};
	const wanted = new Set(ids);
	const questions: Question[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const { topic, ...rest } of list.data) {
		const id = rest.id.slice(0, 80);
		const refuse = (why: string) =>
			problems.push(`Your instructor’s question ${id} in this link ${why}, so it is left out.`);
		if (!id.startsWith(AUTHORED_ID_PREFIX) || !wanted.has(id) || seen.has(id)) {
			refuse('is not one the link lists');
			continue;
		}
		seen.add(id);
		if (!topics.has(topic)) {
			refuse(`belongs to a topic this site does not have (${topic})`);
			continue;
		}
		const parsed = authoredQuestionSchema.safeParse(rest);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			refuse(
				`does not pass the site’s checks (${formatPath(issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)))}: ${issue.message})`
			);
			continue;
		}
		const built = buildQuestion(parsed.data, topic, texts);
		if (!built.ok) {
			refuse(`quotes a passage its source does not have (${built.problems[0]!.message})`);
			continue;
		}
		questions.push(built.value);
	}
	return { questions, problems };
}

/**
 * The same on the site: its source texts fetched from `textsUrl` (`/sources/texts.json`), each
 * quotation anchored by the build's code. Undefined if the texts could not be fetched.
 */
export async function readLinkQuestionsOnSite(
	own: string,
	{ textsUrl, ...context }: Omit<LinkQuestionContext, 'texts'> & { textsUrl: string }
): Promise<{ questions: Question[]; problems: string[] } | undefined> {
	const sources = await fetch(textsUrl)
		.then((r) => (r.ok ? (r.json() as Promise<SiteSource[]>) : undefined))
		.catch(() => undefined);
	if (!sources) return undefined;
	const texts = new Map(sources.map((s) => [s.id, new SourceText(s.text)]));
	return readLinkQuestions(own, { ...context, texts });
}
