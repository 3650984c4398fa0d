import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from '../quiz/answers';
import type { Attempt } from '../quiz/attempt';
import { stages } from '../quiz/attempt-schema';
import { textHash } from '../storage/browser-storage';

/** SCORM 1.2 keeps at most this many characters of `cmi.suspend_data`. */
export const SUSPEND_DATA_LIMIT = 4096;

// Resume state in SCORM 1.2's 4,096 characters, for packs of up to 1,000 questions of any kind:
//   S1.<seed>.<check>.<bits>[~<question>:<length>:<text>...]
// <bits> packs the stage, the current question and, per question in the attempt's order, its flag,
// its "checked" mark (practice) and its answer as indices into the question's own lists, six bits to
// a URL-safe base64 character (a matching question of six pairs, the largest, takes 20 bits). The
// question order is not stored: it follows from the pack and the seed, and <check> (a hash of it)
// tells a suspend state from another pack apart. Written answers follow as far as room remains.

const VERSION = 'S1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bits needed for a value from 0 to count - 1. */
function widthFor(count: number): number {
	let bits = 0;
	while (2 ** bits < count) bits++;
	return bits;
}

class BitWriter {
	#bits: number[] = [];
	write(value: number, width: number) {
		for (let i = width - 1; i >= 0; i--) this.#bits.push(Math.floor(value / 2 ** i) % 2);
	}
	text(): string {
		let out = '';
		for (let i = 0; i < this.#bits.length; i += 6) {
			let v = 0;
			for (let k = 0; k < 6; k++) v = v * 2 + (this.#bits[i + k] ?? 0);
			out += ALPHABET[v];
		}
		return out;
	}
}

class BitReader {
	#bits: number[] = [];
	#at = 0;
	constructor(text: string) {
		for (const c of text) {
			const v = ALPHABET.indexOf(c);
			if (v < 0) throw new SuspendDataError(`unexpected character "${c}"`);
			for (let k = 5; k >= 0; k--) this.#bits.push((v >> k) & 1);
		}
	}
	read(width: number): number {
		if (this.#at + width > this.#bits.length) throw new SuspendDataError('too short');
		let v = 0;
		for (let i = 0; i < width; i++) v = v * 2 + this.#bits[this.#at++]!;
		return v;
	}
	/** Reads a value that must be below `count`. */
	below(count: number): number {
		const v = this.read(widthFor(count));
		if (v >= count) throw new SuspendDataError(`value ${v} out of range`);
		return v;
	}
}

/** Suspend data this package cannot read: from another version, another pack, or damaged. */
export class SuspendDataError extends Error {}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** The rank of a permutation of 0..n-1 among all of them (Lehmer code), from 0 to n! - 1. */
function permutationRank(perm: readonly number[]): number {
	const left = perm.map((_, i) => i);
	let rank = 0;
	perm.forEach((p, i) => {
		const at = left.indexOf(p);
		rank += at * factorial(perm.length - 1 - i);
		left.splice(at, 1);
	});
	return rank;
}

function permutationOfRank(rank: number, n: number): number[] {
	const left = Array.from({ length: n }, (_, i) => i);
	const out: number[] = [];
	for (let i = n - 1; i >= 0; i--) {
		const f = factorial(i);
		out.push(left.splice(Math.floor(rank / f), 1)[0]!);
		rank %= f;
	}
	return out;
}

/** Writes one question's answer as indices into its own lists (0: no answer). */
function writeAnswer(w: BitWriter, q: Question, answer: Answer | undefined): void {
	const given = answer?.kind === q.kind ? answer : undefined;
	switch (q.kind) {
		case 'single': {
			const i = given?.kind === 'single' ? q.options.findIndex((o) => o.id === given.choice) : -1;
			return w.write(i + 1, widthFor(q.options.length + 1));
		}
		case 'multiple': {
			const picked = given?.kind === 'multiple' ? given.choices : [];
			for (const o of q.options) w.write(picked.includes(o.id) ? 1 : 0, 1);
			return;
		}
		case 'true-false':
			return w.write(given?.kind === 'true-false' ? (given.value ? 1 : 2) : 0, 2);
		case 'ordering': {
			const ids = q.items.map((i) => i.id);
			const perm =
				given?.kind === 'ordering' ? given.order.map((id: string) => ids.indexOf(id)) : [];
			const whole =
				perm.length === ids.length && new Set(perm).size === ids.length && !perm.includes(-1);
			return w.write(whole ? permutationRank(perm) + 1 : 0, widthFor(factorial(ids.length) + 1));
		}
		case 'matching': {
			const ids = q.pairs.map((p) => p.id);
			for (const p of q.pairs) {
				const right = given?.kind === 'matching' ? given.matches[p.id] : undefined;
				w.write(right === undefined ? 0 : ids.indexOf(right) + 1, widthFor(ids.length + 1));
			}
			return;
		}
		case 'essay': {
			w.write(given ? 1 : 0, 1);
			const met = given?.kind === 'essay' ? given.met : [];
			for (const c of q.rubric) w.write(met.includes(c.id) ? 1 : 0, 1);
			return;
		}
		default:
			return unhandledKind(q);
	}
}

/** Reads one question's answer; an essay's text comes later, so it is left empty here. */
function readAnswer(r: BitReader, q: Question): Answer | undefined {
	switch (q.kind) {
		case 'single': {
			const i = r.below(q.options.length + 1);
			return i ? { kind: 'single', choice: q.options[i - 1]!.id } : undefined;
		}
		case 'multiple': {
			const choices = q.options.filter(() => r.read(1) === 1).map((o) => o.id);
			return choices.length ? { kind: 'multiple', choices } : undefined;
		}
		case 'true-false': {
			const v = r.below(3);
			return v ? { kind: 'true-false', value: v === 1 } : undefined;
		}
		case 'ordering': {
			const v = r.below(factorial(q.items.length) + 1);
			if (!v) return undefined;
			const order = permutationOfRank(v - 1, q.items.length).map((i) => q.items[i]!.id);
			return { kind: 'ordering', order };
		}
		case 'matching': {
			const matches: Record<string, string> = {};
			for (const p of q.pairs) {
				const v = r.below(q.pairs.length + 1);
				if (v) matches[p.id] = q.pairs[v - 1]!.id;
			}
			return Object.keys(matches).length ? { kind: 'matching', matches } : undefined;
		}
		case 'essay': {
			const answered = r.read(1) === 1;
			const met = q.rubric.filter(() => r.read(1) === 1).map((c) => c.id);
			return answered ? { kind: 'essay', text: '', met } : undefined;
		}
		default:
			return unhandledKind(q);
	}
}

/** A short hash of the attempt's question order, so suspend data from another pack is refused. */
export const orderCheck = (questionIds: readonly string[]): string =>
	textHash(questionIds.join(',')).slice(0, 6);

/** What an encoding kept and what it had to leave out. */
export interface EncodedSuspendData {
	data: string;
	/** Written answers whose text did not fit in the 4,096 characters (question ids). */
	textsLeftOut: string[];
}

/**
 * An attempt as SCORM 1.2 suspend data: never over `limit` characters. Everything but the written
 * answers' texts always fits (about 3,400 characters for 1,000 matching questions); texts are added
 * in question order while they fit, and the rest are named in `textsLeftOut`.
 */
export function encodeSuspendData(
	attempt: Attempt,
	byId: ReadonlyMap<string, Question>,
	limit = SUSPEND_DATA_LIMIT
): EncodedSuspendData {
	const questions = attempt.questionIds.map((id) => byId.get(id)!);
	const w = new BitWriter();
	w.write(stages.indexOf(attempt.stage), 2);
	w.write(attempt.current, widthFor(questions.length));
	for (const q of questions) {
		w.write(attempt.flagged.includes(q.id) ? 1 : 0, 1);
		if (attempt.mode === 'practice') w.write(attempt.checked.includes(q.id) ? 1 : 0, 1);
		writeAnswer(w, q, attempt.answers[q.id]);
	}
	let data = [VERSION, attempt.seed, orderCheck(attempt.questionIds), w.text()].join('.');
	const textsLeftOut: string[] = [];
	questions.forEach((q, i) => {
		const answer = attempt.answers[q.id];
		if (answer?.kind !== 'essay' || answer.text === '') return;
		const entry = `~${i.toString(36)}:${answer.text.length.toString(36)}:${answer.text}`;
		if (data.length + entry.length <= limit) data += entry;
		else textsLeftOut.push(q.id);
	});
	return { data, textsLeftOut };
}

/** The parts of an attempt that suspend data restores; the rest comes from the pack. */
export interface SuspendedState {
	seed: string;
	check: string;
	stage: Attempt['stage'];
	current: number;
	answers: Attempt['answers'];
	checked: string[];
	flagged: string[];
}

/** The seed an attempt's suspend data was made with, to rebuild its question order; undefined if unreadable. */
export function suspendedSeed(data: string): string | undefined {
	const [version, seed] = data.split('.', 2);
	return version === VERSION && seed && /^[a-z0-9]{1,32}$/.test(seed) ? seed : undefined;
}

/**
 * Reads suspend data back for the questions of the attempt, in its order (rebuilt from the seed).
 * Throws a SuspendDataError if it was made for another order of questions or is damaged.
 */
export function decodeSuspendData(
	data: string,
	questions: readonly Question[],
	mode: Attempt['mode']
): SuspendedState {
	const head = data.split('~', 1)[0]!;
	const [version, seed, check, bits, extra] = head.split('.');
	if (version !== VERSION || !seed || !check || bits === undefined || extra !== undefined)
		throw new SuspendDataError('not suspend data of this version');
	if (check !== orderCheck(questions.map((q) => q.id)))
		throw new SuspendDataError('made for a different set of questions');
	const r = new BitReader(bits);
	const stage = stages[r.below(stages.length)]!;
	const current = questions.length ? r.below(questions.length) : r.read(0);
	const answers: Attempt['answers'] = {};
	const checked: string[] = [];
	const flagged: string[] = [];
	for (const q of questions) {
		if (r.read(1)) flagged.push(q.id);
		if (mode === 'practice' && r.read(1)) checked.push(q.id);
		const answer = readAnswer(r, q);
		if (answer) answers[q.id] = answer;
	}
	let rest = data.slice(head.length);
	while (rest.startsWith('~')) {
		const match = /^~([0-9a-z]+):([0-9a-z]+):/.exec(rest);
		if (!match) throw new SuspendDataError('damaged written answer');
		const q = questions[parseInt(match[1]!, 36)];
		const length = parseInt(match[2]!, 36);
		const text = rest.slice(match[0].length, match[0].length + length);
		const answer = q && answers[q.id];
		if (!q || answer?.kind !== 'essay' || text.length !== length)
			throw new SuspendDataError('damaged written answer');
		answers[q.id] = { ...answer, text };
		rest = rest.slice(match[0].length + length);
	}
	if (rest) throw new SuspendDataError('unexpected data at the end');
	return { seed, check, stage, current, answers, checked, flagged };
}
