import { type Attempt } from './attempt';
import { missedIds, type Results } from './attempt-results';
import type { QuizSpec } from './link';

/**
 * The "retry the ones I missed" quiz of a finished attempt: its questions not fully right, in their
 * order, in practice mode, titled "Retry: …" once (a retry of a retry is not "Retry: Retry: …"). Undefined while the attempt is unfinished or when nothing was missed.
 */
export function retrySpec(attempt: Attempt, results: Results): QuizSpec | undefined {
	const ids = attempt.stage === 'finished' ? missedIds(results) : [];
	if (!ids.length) return undefined;
	return {
		scope: { kind: 'ids', ids },
		difficulty: 'any',
		mode: 'practice',
		shuffleOptions: true,
		shuffleQuestions: false,
		title: attempt.title.startsWith('Retry: ') ? attempt.title : `Retry: ${attempt.title}`
	};
}
