import type { Question } from '../content/schema';
import type { Answer } from './answers';

/** Single answer and true/false: 1 for the right answer, 0 otherwise. */
export function scoreExact<T>(correct: T, given: T | undefined): number {
	return given === correct ? 1 : 0;
}

/** Multiple response: +1/k per correct pick, −1/k per wrong pick, floored at 0 (k = number of correct options). */
export function scoreMultiple(correct: ReadonlySet<string>, picked: ReadonlySet<string>): number {
	const k = correct.size;
	let points = 0;
	for (const id of picked) points += correct.has(id) ? 1 / k : -1 / k;
	return clamp(points);
}

/** Ordering: the fraction of neighbouring pairs in the student's order that are also neighbours, in that order, in the right one. */
export function scoreOrdering(correct: readonly string[], given: readonly string[]): number {
	if (correct.length < 2) return 1;
	const position = new Map(correct.map((id, i) => [id, i]));
	let right = 0;
	for (let i = 0; i + 1 < given.length; i++) {
		const a = position.get(given[i]!);
		const b = position.get(given[i + 1]!);
		if (a !== undefined && b === a + 1) right++;
	}
	return right / (correct.length - 1);
}

/** Matching: the fraction of left-hand items matched to their own right-hand item. */
export function scoreMatching(
	pairIds: readonly string[],
	matches: Readonly<Record<string, string>>
): number {
	if (pairIds.length === 0) return 1;
	return pairIds.filter((id) => matches[id] === id).length / pairIds.length;
}

/**
 * The score of one answer, from 0 to 1; no answer scores 0. A written argument has no score (null):
 * it is not marked by the machine, and never counts towards a total.
 */
export function scoreQuestion(question: Question, answer: Answer | undefined): number | null {
	if (question.kind === 'essay') return null;
	if (!answer || answer.kind !== question.kind) return 0;
	switch (question.kind) {
		case 'single':
			return scoreExact(
				question.options.find((o) => o.correct)?.id,
				answer.kind === 'single' ? answer.choice : undefined
			);
		case 'true-false':
			return scoreExact(question.answer, answer.kind === 'true-false' ? answer.value : undefined);
		case 'multiple':
			return scoreMultiple(
				new Set(question.options.filter((o) => o.correct).map((o) => o.id)),
				new Set(answer.kind === 'multiple' ? answer.choices : [])
			);
		case 'ordering':
			return scoreOrdering(
				question.items.map((i) => i.id),
				answer.kind === 'ordering' ? answer.order : []
			);
		case 'matching':
			return scoreMatching(
				question.pairs.map((p) => p.id),
				answer.kind === 'matching' ? answer.matches : {}
			);
	}
}

/** How an answer did: marked by the machine, or a written answer the student assesses. */
export type Verdict = 'correct' | 'partial' | 'incorrect' | 'written';

/** Correct (full marks), partly correct (some credit), incorrect (none), or written (no score). */
export function verdictOf(score: number | null): Verdict {
	if (score === null) return 'written';
	if (score >= 1 - 1e-9) return 'correct';
	return score > 1e-9 ? 'partial' : 'incorrect';
}

const verdictWords: Record<Verdict, string> = {
	correct: 'Correct',
	partial: 'Partly correct',
	incorrect: 'Incorrect',
	written: 'Written answer: not marked automatically'
};

/** A verdict in words: "Correct", "Partly correct: 67% of the mark" or "Incorrect". */
export function verdictText(verdict: Verdict, score: number | null): string {
	return verdict === 'partial'
		? `${verdictWords.partial}: ${Math.round((score ?? 0) * 100)}% of the mark`
		: verdictWords[verdict];
}

/** The scoring rule for a kind, in one sentence for the page. */
export const scoringRule: Record<Question['kind'], string> = {
	single: 'One mark for the right answer.',
	'true-false': 'One mark for the right answer.',
	multiple:
		'Each right choice earns an equal share of the mark and each wrong choice takes a share away, never below zero.',
	ordering:
		'Each pair of items you place one straight after the other, as in the right order, earns an equal share of the mark; so one item out of place can cost the pairs on both sides of it.',
	matching: 'You earn a share of the mark for each item matched correctly.',
	essay:
		'Not marked automatically: compare your answer with the model answer and tick the criteria it meets. That self-assessment is shown apart from your score and never added to it.'
};

const clamp = (n: number) => Math.min(1, Math.max(0, n));
