import { difficulties, type Difficulty, type Mode } from '../content/vocabulary';

export const MIXED_SIZES = [5, 10, 20] as const;
export type MixedSize = (typeof MIXED_SIZES)[number];

/** Which questions a quiz draws on. */
export type Scope =
	| { kind: 'topic'; topic: string }
	| { kind: 'all' }
	| { kind: 'mixed'; count: MixedSize }
	| { kind: 'ids'; ids: string[] };

/** Everything that defines a quiz; it round-trips through a URL's query string, so a link reproduces it. */
export interface QuizSpec {
	scope: Scope;
	difficulty: Difficulty | 'any';
	mode: Mode;
	/** Absent until the page picks one; then part of the link. */
	seed?: string;
	shuffleOptions: boolean;
	shuffleQuestions: boolean;
	title?: string;
	/** An instructor's instructions for the quiz, shown above the first question. */
	instructions?: string;
	/**
	 * An instructor's own questions (`my-…` ids in the list), carried whole in the link as
	 * `encodeLinkQuestions` writes them; read, checked and anchored by `readLinkQuestions`.
	 */
	own?: string;
}

const SEED = /^[a-z0-9]{1,32}$/;
/** The longest title and instructions a link may carry (the builder's fields stop there too). */
export const MAX_TITLE = 200;
export const MAX_NOTE = 1000;
/** The most question ids a shared link may carry (a pack file holds at most 1,000 too). */
export const MAX_LINK_IDS = 1000;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * The longest link the builder shares, in characters of the whole URL: links carrying an instructor's
 * own questions stay under it (browsers, chat apps and LMS fields cut or refuse longer ones), and a
 * link's `own` value longer than this is not read.
 */
export const LINK_LIMIT = 8000;
/** An `own` value: a format version, a dot, then base64url. */
const OWN = /^1\.[A-Za-z0-9_-]+$/;

/**
 * Reads a quiz from a query string (`topic=`, `mixed=`, `ids=` or none for the whole module, then
 * `level`, `mode`, `seed`, `shuffle`, `order`, `title`, `note`, and with `ids=` the instructor's own
 * questions in `own`). Each value it cannot use is reported and
 * replaced by the default.
 */
export function parseQuizSpec(params: URLSearchParams): { spec: QuizSpec; problems: string[] } {
	const problems: string[] = [];
	let scope: Scope = { kind: 'all' };
	const topic = params.get('topic');
	const mixed = params.get('mixed');
	const ids = params.get('ids');
	if (ids !== null) {
		const all = ids.split(',').filter(Boolean);
		if (all.length > MAX_LINK_IDS)
			problems.push(`A link can hold at most ${MAX_LINK_IDS} questions; the rest were left out.`);
		const list = all.slice(0, MAX_LINK_IDS);
		const bad = list.filter((id) => !ID.test(id) || id.length > 80);
		if (bad.length)
			problems.push(
				`Ignored ${bad.length} question ids that are not valid: ${bad.slice(0, 5).join(', ').slice(0, 200)}.`
			);
		scope = { kind: 'ids', ids: [...new Set(list.filter((id) => ID.test(id) && id.length <= 80))] };
	} else if (topic !== null) {
		if (ID.test(topic)) scope = { kind: 'topic', topic };
		else problems.push(`"${topic.slice(0, 80)}" is not a topic id; showing the whole module.`);
	} else if (mixed !== null) {
		// Digits only: Number() would also read "1e1", "0x14" or " 10 " as a size.
		const count = /^\d{1,3}$/.test(mixed) ? Number(mixed) : NaN;
		if ((MIXED_SIZES as readonly number[]).includes(count))
			scope = { kind: 'mixed', count: count as MixedSize };
		else {
			problems.push(
				`Mixed practice comes in ${listOf(MIXED_SIZES)} questions, not "${mixed.slice(0, 20)}"; using 10.`
			);
			scope = { kind: 'mixed', count: 10 };
		}
	}

	const level = params.get('level') ?? 'any';
	const difficulty =
		level === 'any' || (difficulties as readonly string[]).includes(level) ? level : 'any';
	if (difficulty !== level)
		problems.push(`"${level.slice(0, 20)}" is not a difficulty; showing every level.`);

	const modeParam = params.get('mode') ?? 'practice';
	const mode: Mode = modeParam === 'test' ? 'test' : 'practice';
	if (modeParam !== mode)
		problems.push(`"${modeParam.slice(0, 20)}" is not a mode; using practice.`);

	const seedParam = params.get('seed');
	const seed = seedParam !== null && SEED.test(seedParam) ? seedParam : undefined;
	if (seedParam !== null && !seed)
		problems.push('The link’s shuffle code was not valid; a new one was chosen.');

	const title = boundedText(params.get('title'), MAX_TITLE, 'title is', problems);
	const instructions = boundedText(params.get('note'), MAX_NOTE, 'instructions are', problems);
	const ownParam = params.get('own');
	let own: string | undefined;
	if (ownParam !== null) {
		if (scope.kind === 'ids' && ownParam.length <= LINK_LIMIT && OWN.test(ownParam)) own = ownParam;
		else
			problems.push(
				'The link’s own questions could not be read (it may have been cut short); the questions that need them are reported missing.'
			);
	}
	return {
		spec: {
			scope,
			difficulty: difficulty as QuizSpec['difficulty'],
			mode,
			seed,
			shuffleOptions: params.get('shuffle') !== '0',
			shuffleQuestions: scope.kind === 'ids' ? params.get('order') === 'shuffle' : true,
			title,
			instructions,
			own
		},
		problems
	};
}

/** The query string for a quiz, in a fixed order so the same quiz always has the same link. */
export function quizQuery(spec: QuizSpec): string {
	const params = new URLSearchParams();
	const { scope } = spec;
	if (scope.kind === 'topic') params.set('topic', scope.topic);
	if (scope.kind === 'mixed') params.set('mixed', String(scope.count));
	if (scope.kind === 'ids') params.set('ids', scope.ids.join(','));
	if (spec.difficulty !== 'any') params.set('level', spec.difficulty);
	params.set('mode', spec.mode);
	if (!spec.shuffleOptions) params.set('shuffle', '0');
	if (scope.kind === 'ids' && spec.shuffleQuestions) params.set('order', 'shuffle');
	if (spec.title) params.set('title', spec.title);
	if (spec.instructions) params.set('note', spec.instructions);
	if (scope.kind === 'ids' && spec.own) params.set('own', spec.own);
	if (spec.seed) params.set('seed', spec.seed);
	return params.toString();
}

/** A free-text value from a link, trimmed; one longer than `max` is refused and reported, not cut. */
function boundedText(
	value: string | null,
	max: number,
	what: string,
	problems: string[]
): string | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (text.length <= max) return text;
	problems.push(
		`The link’s ${what} ${text.length.toLocaleString('en')} characters long, over the ${max.toLocaleString('en')} a link may carry, so ${what.endsWith('are') ? 'they are' : 'it is'} left out.`
	);
	return undefined;
}

/** "5, 10 or 20" */
const listOf = (values: readonly number[]) =>
	`${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
