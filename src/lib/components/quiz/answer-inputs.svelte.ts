import { getContext, setContext } from 'svelte';
import type { QuestionKind } from '$lib/content/vocabulary';
import { LazyComponent } from '../lazy-component.svelte';
import type EssayInput from './EssayInput.svelte';
import type MatchingInput from './MatchingInput.svelte';
import type OrderingInput from './OrderingInput.svelte';

/** The question kinds whose answer inputs are fetched only when a quiz draws one of them. */
export type LazyInputKind = 'ordering' | 'matching' | 'essay';

/**
 * The answer inputs that most quizzes never show (ordering, matching, a written answer), fetched only
 * for the kinds a quiz draws. The quiz page fetches the first question's with the questions, so it is
 * here before that question is shown, and the others' as soon as the questions have arrived;
 * anywhere else they are fetched when a question first needs one.
 */
export class AnswerInputs {
	readonly ordering = new LazyComponent<typeof OrderingInput>(
		() => import('./OrderingInput.svelte')
	);
	readonly matching = new LazyComponent<typeof MatchingInput>(
		() => import('./MatchingInput.svelte')
	);
	readonly essay = new LazyComponent<typeof EssayInput>(() => import('./EssayInput.svelte'));

	/** Fetches, in parallel, the inputs these kinds need; resolves once each has arrived or failed. */
	async load(kinds: readonly QuestionKind[]): Promise<void> {
		await Promise.all(
			(['ordering', 'matching', 'essay'] as const)
				.filter((k) => kinds.includes(k))
				.map((k) => this[k].get())
		);
	}
}

const key = Symbol('answer-inputs');

/** Makes these the answer inputs of every question form below the calling component. */
export function setAnswerInputs(inputs: AnswerInputs): AnswerInputs {
	return setContext(key, inputs);
}

/** The answer inputs a page set up, or a set of its own for a form used anywhere else. */
export function getAnswerInputs(): AnswerInputs {
	return getContext<AnswerInputs | undefined>(key) ?? new AnswerInputs();
}
