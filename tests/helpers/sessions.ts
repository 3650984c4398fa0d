import type { QuizSpec } from '../../src/lib/quiz/link';
import * as marking from '../../src/lib/quiz/marking';
import { QuizSession } from '../../src/lib/quiz/session.svelte';
import { readStore, saveAttempt, STORE_KEY, type AttemptStore } from '../../src/lib/quiz/storage';
import { MemoryStorage } from './memory-storage';
import { oneOfEachKind } from './questions';

/**
 * Attempts kept in the Storage given, read and saved by storage.ts at once: the quiz page's store
 * (src/lib/browser/local-attempts.ts) once its checking code has loaded, without the wait.
 */
export function browserAttemptStore(storage: Storage): AttemptStore {
	return {
		read: () => readStore(storage),
		save: (attempt) => saveAttempt(storage, attempt),
		watch(onChange) {
			if (typeof globalThis.addEventListener !== 'function') return () => {};
			// The browser fires `storage` in every other tab of this site when one of them writes.
			const listener = (event: StorageEvent) => {
				if (event.key === STORE_KEY || event.key === null) onChange();
			};
			globalThis.addEventListener('storage', listener);
			return () => globalThis.removeEventListener('storage', listener);
		}
	};
}

/** The bank a test session draws on: the five `oneOfEachKind` questions, in one topic. */
export const quizContent = {
	questions: oneOfEachKind(),
	topics: [{ id: 'compensation', title: 'Compensation' }]
};

/** A practice quiz of the five questions in order (q-single, q-multiple, q-tf, q-order, q-match), unseeded. */
export function specOf(overrides: Partial<QuizSpec> = {}): QuizSpec {
	return {
		scope: { kind: 'ids', ids: quizContent.questions.map((q) => q.id) },
		difficulty: 'any',
		mode: 'practice',
		shuffleOptions: true,
		shuffleQuestions: false,
		...overrides
	};
}

/**
 * A session on the test bank that keeps its attempts in this (fake, failable) storage. It marks
 * answers from the start, unless `marked` is false (the quiz page, before its marking code arrives).
 */
export function sessionOf(
	storage = new MemoryStorage(),
	spec = specOf(),
	{ marked = true } = {}
): QuizSession {
	return new QuizSession(
		quizContent,
		spec,
		'Five kinds',
		browserAttemptStore(storage),
		marked ? marking : undefined
	);
}
