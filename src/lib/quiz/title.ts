import type { QuizSpec } from './link';

/** A human title for a quiz: its topic, "Whole module", "Mixed practice: 10 questions" ("Mixed test" in test mode), or the pack's title. */
export function quizTitle(
	spec: QuizSpec,
	topics: readonly { id: string; title: string }[]
): string {
	const { scope } = spec;
	const base =
		spec.title ??
		(scope.kind === 'topic'
			? (topics.find((t) => t.id === scope.topic)?.title ?? scope.topic)
			: scope.kind === 'mixed'
				? `${spec.mode === 'test' ? 'Mixed test' : 'Mixed practice'}: ${scope.count} questions`
				: scope.kind === 'ids'
					? 'Selected questions'
					: 'Whole module');
	return spec.difficulty === 'any' ? base : `${base} (${spec.difficulty} level)`;
}
