import type { Difficulty } from '../content/vocabulary';
import type { QuizSpec } from './link';
import type { QuestionRef } from './question-files';
import { seededRandom, shuffled } from './random';

const LEVEL_ORDER: Record<Difficulty, number> = { intro: 0, core: 1, advanced: 2 };

/**
 * The questions of a quiz, in the order they are asked. Topic and whole-module quizzes are shuffled
 * by the seed and then ramp from intro to advanced; a list of ids keeps its order unless asked to
 * shuffle. Ids this version of the bank does not have are returned, never silently dropped. Works
 * on whole questions or on their references alike (the same draw for the same bank order).
 */
export function selectQuestions<Q extends Pick<QuestionRef, 'id' | 'topic' | 'difficulty'>>(
	bank: readonly Q[],
	spec: QuizSpec & { seed: string }
): { questions: Q[]; unknownIds: string[] } {
	const random = seededRandom(`${spec.seed}:questions`);
	const fitsLevel = (q: Q) => spec.difficulty === 'any' || q.difficulty === spec.difficulty;
	const { scope } = spec;
	if (scope.kind === 'ids') {
		const byId = new Map(bank.map((q) => [q.id, q]));
		const found = scope.ids.flatMap((id) => byId.get(id) ?? []);
		const unknownIds = scope.ids.filter((id) => !byId.has(id));
		return { questions: spec.shuffleQuestions ? shuffled(found, random) : found, unknownIds };
	}
	const pool = bank.filter(
		(q) => fitsLevel(q) && (scope.kind !== 'topic' || q.topic === scope.topic)
	);
	const drawn = shuffled(pool, random);
	const chosen = scope.kind === 'mixed' ? drawn.slice(0, scope.count) : drawn;
	return {
		questions: chosen.sort((a, b) => LEVEL_ORDER[a.difficulty] - LEVEL_ORDER[b.difficulty]),
		unknownIds: []
	};
}
