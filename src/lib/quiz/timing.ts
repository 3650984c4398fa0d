import type { Question } from '../content/schema';
import { difficulties, type Difficulty, type QuestionKind } from '../content/vocabulary';
import { MIXED_SIZES } from './link';

/** Rough minutes to answer one question of each kind and read its feedback. */
const minutesPerKind: Record<QuestionKind, number> = {
	single: 1,
	'true-false': 0.75,
	multiple: 1.5,
	ordering: 1.5,
	matching: 2,
	essay: 12
};

/** Rough minutes a set of questions takes to answer and read the feedback of. */
export function estimateMinutes(questions: readonly Question[]): number {
	return Math.max(1, Math.round(questions.reduce((sum, q) => sum + minutesPerKind[q.kind], 0)));
}

/** A difficulty to filter by, or every difficulty. */
export type DifficultyFilter = Difficulty | 'any';
export const difficultyFilters: DifficultyFilter[] = ['any', ...difficulties];

export interface Size {
	count: number;
	minutes: number;
}

/** Question count and minutes for a set of questions at each difficulty filter. */
export function sizesByLevel(questions: readonly Question[]): Record<DifficultyFilter, Size> {
	return Object.fromEntries(
		difficultyFilters.map((level) => {
			const chosen = level === 'any' ? questions : questions.filter((q) => q.difficulty === level);
			return [level, { count: chosen.length, minutes: estimateMinutes(chosen) }];
		})
	) as Record<DifficultyFilter, Size>;
}

/** Mixed practice of N questions at each level: N (or fewer, if the level has fewer) and the average time. */
export function mixedSizes(
	questions: readonly Question[]
): Record<DifficultyFilter, Record<number, Size>> {
	const all = sizesByLevel(questions);
	return Object.fromEntries(
		difficultyFilters.map((level) => {
			const { count, minutes } = all[level];
			const perQuestion = count ? minutes / count : 1;
			return [
				level,
				Object.fromEntries(
					MIXED_SIZES.map((n) => {
						const c = Math.min(n, count);
						return [n, { count: c, minutes: Math.max(1, Math.round(c * perQuestion)) }];
					})
				)
			];
		})
	) as Record<DifficultyFilter, Record<number, Size>>;
}
