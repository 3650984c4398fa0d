import { difficulties, questionKinds, type Bank, type Question } from './schema';

/** Counts of questions by a key, in the order of `keys`. */
export function countBy<K extends string>(
	questions: readonly Question[],
	keyOf: (q: Question) => K,
	keys: readonly K[]
): Record<K, number> {
	const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
	for (const q of questions) counts[keyOf(q)] = (counts[keyOf(q)] ?? 0) + 1;
	return counts;
}

/** Distinct documents a question cites. */
export function sourcesCited(q: Question): Set<string> {
	return new Set(q.citations.map((c) => c.source));
}

/** The ids of the bank's comparisons: a question tagged with one teaches that discrepancy. */
export function discrepancyIds(bank: Pick<Bank, 'comparisons'>): Set<string> {
	return new Set(bank.comparisons.map((c) => c.id));
}

/** The discrepancies a question teaches: those of its tags that are comparison ids. */
export function discrepancyTags(q: Question, ids: ReadonlySet<string>): string[] {
	return q.tags.filter((t) => ids.has(t));
}

/** A short plain-text report of the bank's make-up, for authors. */
export function summariseBank(bank: Bank): string {
	const { questions } = bank;
	const line = (counts: Record<string, number>) =>
		Object.entries(counts)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ');
	const crossSource = questions.filter((q) => sourcesCited(q).size >= 2);
	const ids = discrepancyIds(bank);
	const taught = new Set(crossSource.flatMap((q) => discrepancyTags(q, ids)));
	return [
		`  ${questions.length} questions, ${bank.glossary.length} glossary terms, ${bank.sources.length} sources`,
		`  by topic: ${line(
			countBy(
				questions,
				(q) => q.topic,
				bank.topics.map((t) => t.id)
			)
		)}`,
		`  by kind: ${line(countBy(questions, (q) => q.kind, questionKinds))}`,
		`  by difficulty: ${line(countBy(questions, (q) => q.difficulty, difficulties))}`,
		`  cross-source: ${crossSource.length}, discrepancies taught: ${taught.size} of ${ids.size}`
	].join('\n');
}
