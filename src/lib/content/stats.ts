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

/** Discrepancy tags (d1–d16) a question carries. */
export function discrepancyTags(q: Question): string[] {
	return q.tags.filter((t) => /^d([1-9]|1[0-6])$/.test(t));
}

/** A short plain-text report of the bank's make-up, for authors. */
export function summariseBank(bank: Bank): string {
	const { questions } = bank;
	const line = (counts: Record<string, number>) =>
		Object.entries(counts)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ');
	const crossSource = questions.filter((q) => sourcesCited(q).size >= 2);
	const taught = new Set(crossSource.flatMap(discrepancyTags));
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
		`  cross-source: ${crossSource.length}, discrepancies taught: ${taught.size} of 16`
	].join('\n');
}
