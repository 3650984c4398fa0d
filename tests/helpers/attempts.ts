import { startAttempt, type Attempt } from '../../src/lib/quiz/attempt';
import { oneOfEachKind } from './questions';

/** When every test attempt starts. */
export const STARTED = '2026-11-22T10:00:00.000Z';

/**
 * Test-data factory: a fresh practice attempt at the five `oneOfEachKind` questions, nothing answered
 * yet, with any field overridden.
 */
export function attemptOf(overrides: Partial<Attempt> = {}): Attempt {
	return {
		...startAttempt({
			id: 'att-1',
			quizKey: 'topic=compensation',
			query: 'topic=compensation&seed=s1',
			title: 'Compensation',
			mode: 'practice',
			seed: 's1',
			shuffleOptions: true,
			questionIds: oneOfEachKind().map((q) => q.id),
			now: STARTED
		}),
		...overrides
	};
}
