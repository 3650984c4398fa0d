import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import { seededRandom, shuffled } from '../quiz/random';
import { isAuthoredId } from './authored-entries';

/** Whose questions the bank browser lists: the instructor's own (`my-…`), the bank's, or both. */
export const origins = ['', 'yours', 'bank'] as const;
export type Origin = (typeof origins)[number];
export const originLabels: Record<Origin, string> = {
	'': 'All',
	yours: 'Yours only',
	bank: 'Bank only'
};

/** The bank browser's filters; an empty string means "any". */
export interface BankFilter {
	topic: string;
	kind: string;
	difficulty: string;
	/** Cognitive level: recall, understand, apply, analyse or evaluate. */
	level: string;
	source: string;
	tag: string;
	text: string;
	origin: Origin;
}

export const anyFilter: BankFilter = {
	origin: '',
	topic: '',
	kind: '',
	difficulty: '',
	level: '',
	source: '',
	tag: '',
	text: ''
};

/** Everything a free-text search looks at: prompt, options or items, feedback and explanation. */
export function searchableText(q: Question): string {
	const parts = [q.id, q.prompt, q.explanation];
	switch (q.kind) {
		case 'single':
		case 'multiple':
			for (const o of q.options) parts.push(o.text, o.feedback);
			break;
		case 'true-false':
			parts.push(q.feedback.ifTrue, q.feedback.ifFalse);
			break;
		case 'ordering':
			for (const i of q.items) parts.push(i.text);
			break;
		case 'matching':
			for (const p of q.pairs) parts.push(p.left, p.right);
			break;
		case 'essay':
			parts.push(q.guidance, q.modelAnswer, ...q.rubric.map((c) => c.criterion));
			break;
		default:
			unhandledKind(q);
	}
	return normaliseSpelling(parts.join('\n'));
}

/**
 * Rewrites British spellings the American way, in lower case, so "labour" finds "labor" and the
 * other way round (the bank writes British English; the outlets it quotes write American). Applied
 * to the text and to the search alike, so a rule that also touches another word does no harm.
 * Each rule needs a few letters before it, sparing short words such as "four", "your" and "rise".
 */
export function normaliseSpelling(text: string): string {
	return (
		text
			.toLocaleLowerCase('en')
			// colour, labour, favourite, behaviours, honourable
			.replace(/(?<=\p{L}{3})our(?=(?:s|ed|ing|ite|ites|able|er|ers)?(?!\p{L}))/gu, 'or')
			// organise, organisation, criticised, recognising, characterisations
			.replace(/(?<=\p{L}{3})is(?=(?:e|es|ed|ing|ation|ations|er|ers)(?!\p{L}))/gu, 'iz')
			// analyse, paralysed
			.replace(/(?<=\p{L}{2})ys(?=(?:e|es|ed|ing)(?!\p{L}))/gu, 'yz')
			// centre, theatres
			.replace(/(?<=\p{L}{2}[^aeiou\P{L}])tre(?=s?(?!\p{L}))/gu, 'ter')
			// modelled, labelling, travellers
			.replace(/(?<=\p{L}{2}[ae])ll(?=(?:ed|ing|er|ers)(?!\p{L}))/gu, 'l')
			// judgement
			.replace(/dgement/g, 'dgment')
	);
}

/** The words of a free-text search, spelling normalised. */
export const searchWords = (text: string): string[] =>
	normaliseSpelling(text).split(/\s+/).filter(Boolean);

/**
 * A text cut into parts, each marked if it is a word (letters, digits, hyphens, apostrophes) in
 * which some search word occurs, spellings normalised the same way: "Labour," for "labor" marks
 * "Labour". For highlighting the matches in a result.
 */
export function highlightParts(text: string, search: string): { text: string; match: boolean }[] {
	const words = searchWords(search);
	if (!words.length) return [{ text, match: false }];
	const parts: { text: string; match: boolean }[] = [];
	let last = 0;
	for (const token of text.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
		const normal = normaliseSpelling(token[0]);
		if (!words.some((w) => normal.includes(w))) continue;
		if (token.index > last) parts.push({ text: text.slice(last, token.index), match: false });
		parts.push({ text: token[0], match: true });
		last = token.index + token[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), match: false });
	return parts;
}

/** Whether a question passes every filter that is set. Free text matches all of its words, in any order. */
export function matchesFilter(q: Question, f: BankFilter): boolean {
	if (f.origin && isAuthoredId(q.id) !== (f.origin === 'yours')) return false;
	if (f.topic && q.topic !== f.topic) return false;
	if (f.kind && q.kind !== f.kind) return false;
	if (f.difficulty && q.difficulty !== f.difficulty) return false;
	if (f.level && q.level !== f.level) return false;
	if (f.source && !q.citations.some((c) => c.source === f.source)) return false;
	if (f.tag && !q.tags.includes(f.tag)) return false;
	const words = searchWords(f.text);
	if (words.length) {
		const text = searchableText(q);
		return words.every((w) => text.includes(w));
	}
	return true;
}

/** N questions drawn at random from a list; the same seed draws the same ones. */
export function randomPick(
	questions: readonly Question[],
	count: number,
	seed: string
): Question[] {
	return shuffled(questions, seededRandom(`${seed}:pick`)).slice(0, Math.max(0, count));
}
