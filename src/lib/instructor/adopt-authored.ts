import { sameQuestion } from '../content/identity';
import type { Pack, Question } from '../content/schema';
import { isAuthoredId, type AuthoredEntry } from './authored';

/** What a pack's instructor-written questions (`my-…`) became on arriving in this browser. */
export interface AdoptedQuestions {
	/** The pack, with any question whose id clashed with a different one of yours under its new id. */
	pack: Pack;
	/** New entries to save among your own questions. */
	entries: AuthoredEntry[];
	/** Ids added to your questions as they were in the file. */
	added: string[];
	/** Questions added under a fresh id, theirs being taken by a different question of yours: `[in the file, now]`. */
	renamed: [string, string][];
	/** Your ids of questions you already had exactly (under the file's id, or an earlier import's). */
	alreadyYours: string[];
}

/**
 * Makes a pack's instructor-written questions your own, so they can be edited and duplicated like
 * questions you wrote. Nothing of yours is overwritten: a question whose id you already use for a
 * different question gets a fresh id (`newId`, given every id taken so far), in the pack too, so the
 * pack stays whole; one you already have, under its id or as an earlier copy, is not added twice.
 */
export function adoptAuthored(
	pack: Pack,
	own: readonly AuthoredEntry[],
	newId: (taken: Iterable<string>) => string,
	now: string
): AdoptedQuestions {
	const byId = new Map(own.map((e) => [e.id, e]));
	const taken = new Set([...byId.keys(), ...pack.questions.map((q) => q.id)]);
	const result: AdoptedQuestions = {
		pack,
		entries: [],
		added: [],
		renamed: [],
		alreadyYours: []
	};
	/** One of yours with the same content as `q` under its own id (an earlier import's copy). */
	const copyOf = (q: Question) =>
		own.find((e) => e.valid && sameQuestion(e.question, { ...q, id: e.id }));

	let changed = false;
	const questions = pack.questions.map((q) => {
		if (!isAuthoredId(q.id)) return q;
		const mine = byId.get(q.id);
		if (mine?.valid && sameQuestion(mine.question, q)) {
			result.alreadyYours.push(q.id);
			return q;
		}
		if (!mine) {
			result.entries.push({ id: q.id, savedAt: now, valid: true, question: q });
			result.added.push(q.id);
			return q;
		}
		changed = true;
		const earlier = copyOf(q);
		if (earlier) {
			result.alreadyYours.push(earlier.id);
			return earlier.question as Question;
		}
		const id = newId(taken);
		taken.add(id);
		const renamed = { ...q, id } as Question;
		result.entries.push({ id, savedAt: now, valid: true, question: renamed });
		result.renamed.push([q.id, id]);
		return renamed;
	});
	if (changed) result.pack = { ...pack, questions };
	return result;
}

/** "my-a", "my-a and my-b", "my-a, my-b and my-c" */
const listed = (ids: readonly string[]) =>
	ids.length < 2 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

const questions = (n: number) => (n === 1 ? 'question' : 'questions');

/** What importing did to your own questions, in a sentence or two; undefined if the pack had none. */
export function adoptedMessage({
	added,
	renamed,
	alreadyYours
}: AdoptedQuestions): string | undefined {
	const sentences: string[] = [];
	const joined = added.length + renamed.length;
	if (joined)
		sentences.push(
			`${joined} instructor-written ${questions(joined)} joined your own questions (“Yours” in the bank), where you can edit or duplicate ${joined === 1 ? 'it' : 'them'}: ${listed([...added, ...renamed.map(([, to]) => to)])}.`
		);
	for (const [from, to] of renamed)
		sentences.push(
			`You already have a different question ${from}, so the pack’s is ${to} (yours is unchanged).`
		);
	if (alreadyYours.length)
		sentences.push(
			`${listed(alreadyYours)} ${alreadyYours.length === 1 ? 'was' : 'were'} already yours.`
		);
	return sentences.length ? sentences.join(' ') : undefined;
}
