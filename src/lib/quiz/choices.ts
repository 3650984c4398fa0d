import type { Question } from '../content/schema';
import { difficulties, type Difficulty } from '../content/vocabulary';
import { estimateMinutes, MIXED_SIZES } from './selection';

export type Level = Difficulty | 'any';
export const levels: Level[] = ['any', ...difficulties];

export interface Size {
	count: number;
	minutes: number;
}

/** Question count and minutes for a set of questions at each difficulty filter. */
export function sizesByLevel(questions: readonly Question[]): Record<Level, Size> {
	return Object.fromEntries(
		levels.map((level) => {
			const chosen = level === 'any' ? questions : questions.filter((q) => q.difficulty === level);
			return [level, { count: chosen.length, minutes: estimateMinutes(chosen) }];
		})
	) as Record<Level, Size>;
}

/** Mixed practice of N questions at each level: N (or fewer, if the level has fewer) and the average time. */
export function mixedSizes(questions: readonly Question[]): Record<Level, Record<number, Size>> {
	const all = sizesByLevel(questions);
	return Object.fromEntries(
		levels.map((level) => {
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
	) as Record<Level, Record<number, Size>>;
}
