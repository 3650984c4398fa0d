import type { QuoteSelector } from '../content/anchor';
import type { CitedPassage, Citer } from '../content/passages';
import { oneLine } from '../text/one-line';
import { quizQuery } from './link';

/** What the `#fragment` of a source page's address asks the reader to show. */
export type PassageTarget =
	/** No fragment, or one naming another place on the page (`#main`). */
	| { kind: 'none' }
	/** A cited passage of this source, by its anchor (`p714-783`). */
	| { kind: 'passage'; anchor: string }
	/** A fragment that names no passage here, or is not even valid percent-encoding (`#%E0%A4%A`). */
	| { kind: 'not-found' };

/**
 * Reads a source page's fragment (`location.hash`, with or without its `#`). Never throws: a fragment
 * that cannot be decoded is a passage that cannot be found.
 */
export function passageTarget(
	hash: string,
	isPassage: (anchor: string) => boolean,
	isElsewhereOnPage: (id: string) => boolean = () => false
): PassageTarget {
	const raw = hash.replace(/^#/, '');
	if (!raw) return { kind: 'none' };
	let id: string;
	try {
		id = decodeURIComponent(raw);
	} catch {
		return { kind: 'not-found' };
	}
	if (isPassage(id)) return { kind: 'passage', anchor: id };
	return isElsewhereOnPage(id) ? { kind: 'none' } : { kind: 'not-found' };
}

/** Everything that quotes any of these passages, each once, in the order the passages list them. */
export function citersOf(
	passages: readonly { anchor: string; citedBy: readonly Citer[] }[],
	anchors: readonly string[]
): Citer[] {
	const all = passages.filter((p) => anchors.includes(p.anchor)).flatMap((p) => p.citedBy);
	return all.filter((c, i) => all.findIndex((d) => d.kind === c.kind && d.id === c.id) === i);
}

/**
 * A source's cited passages as the reader's page carries them: each thing that quotes them once,
 * and each passage naming its citers by their place in that list. A question quoting five passages
 * would otherwise carry its prompt five times.
 */
export interface PackedPassages {
	citers: Citer[];
	passages: (Omit<CitedPassage, 'citedBy'> & { citedBy: number[] })[];
}

/** Packs cited passages for a page's data (see `PackedPassages`). */
export function packPassages(passages: readonly CitedPassage[]): PackedPassages {
	const citers: Citer[] = [];
	const index = new Map<string, number>();
	const indexOf = (citer: Citer) => {
		const key = `${citer.kind}:${citer.id}`;
		let i = index.get(key);
		if (i === undefined) {
			i = citers.push(citer) - 1;
			index.set(key, i);
		}
		return i;
	};
	return {
		citers,
		passages: passages.map(({ citedBy, ...passage }) => ({
			...passage,
			citedBy: citedBy.map(indexOf)
		}))
	};
}

/** The cited passages a page's data carries, each with its citers again. */
export function unpackPassages({ citers, passages }: PackedPassages): CitedPassage[] {
	return passages.map((passage) => ({
		...passage,
		citedBy: passage.citedBy.map((i) => citers[i]!)
	}));
}

/** A question that quotes a passage, as the reader lists it: id, short prompt, quiz to practise it. */
export interface CitingQuestion {
	id: string;
	prompt: string;
	/** Query string of a practice quiz of this one question. */
	practise: string;
}

/** The citers of a passage grouped for the reader: questions to practise first, then the rest. */
export interface CitersForReader {
	questions: CitingQuestion[];
	/** Query string of a practice quiz of all the questions, when there is more than one. */
	practiseAll?: string;
	/** Glossary entries, comparisons and seminar guides that quote the passage. */
	others: Citer[];
}

/** Groups citers for the reader's "Cited by" list; `sourceLabel` names the source in quiz titles. */
export function citersForReader(citers: readonly Citer[], sourceLabel: string): CitersForReader {
	const questions = citers
		.filter((c) => c.kind === 'question')
		.map((c) => ({
			id: c.id,
			prompt: shortText(c.label, 90),
			practise: passageQuizQuery([c.id], sourceLabel)
		}));
	return {
		questions,
		practiseAll:
			questions.length > 1
				? passageQuizQuery(
						questions.map((q) => q.id),
						sourceLabel
					)
				: undefined,
		others: citers.filter((c) => c.kind !== 'question')
	};
}

/**
 * Query string of a practice quiz of the questions that quote one passage of a source, titled by
 * the question's id when there is one, or else by the source's label.
 */
export function passageQuizQuery(ids: readonly string[], sourceLabel: string): string {
	return practiseQuery(
		[...ids],
		ids.length === 1 ? `Question ${ids[0]}` : `Questions quoting a passage of ${sourceLabel}`
	);
}

/** Query string of a practice quiz of exactly these questions, in this order. */
export function practiseQuery(ids: string[], title: string): string {
	return quizQuery({
		scope: { kind: 'ids', ids },
		difficulty: 'any',
		mode: 'practice',
		shuffleOptions: true,
		shuffleQuestions: false,
		title
	});
}

/** The text on one line, cut at a word boundary before `max` characters with "…" when longer. */
export function shortText(text: string, max: number): string {
	const line = oneLine(text).trim();
	if (line.length <= max) return line;
	const cut = line.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Longest quotation, prefix or suffix a source link carries (a passage, not a page). */
const QUOTE_LIMIT = 2000;

/** The quotation a source page's address carries (`location.search`), if it has a usable one. */
export function quoteFromSearch(search: string): QuoteSelector | undefined {
	const params = new URLSearchParams(search);
	const exact = params.get('quote');
	const prefix = params.get('prefix') ?? undefined;
	const suffix = params.get('suffix') ?? undefined;
	const fits = (text: string | undefined) => text === undefined || text.length <= QUOTE_LIMIT;
	if (!exact?.trim() || !fits(exact) || !fits(prefix) || !fits(suffix)) return undefined;
	return {
		exact,
		...(prefix ? { prefix } : {}),
		...(suffix ? { suffix } : {})
	};
}
