import { getContext, setContext } from 'svelte';
import type { QuoteSelector } from '$lib/content/anchor';

/**
 * Where the quiz components link to. The site points them at its own pages; a SCORM package, which
 * has no router, points them at the pages it bundles.
 */
export interface QuizLinks {
	/**
	 * A cited passage, highlighted in its source; with `quote`, a passage the reader is to find by its
	 * quotation (one the bank does not cite). A place without that reader may leave `quote` out.
	 */
	source(sourceId: string, anchor: string, quote?: QuoteSelector): string;
	/** A quiz, from its query string (see `quizQuery`); none where only this quiz exists (a SCORM package). */
	quiz?(query: string): string;
	/**
	 * Open sources in a new window: where leaving the page would end the quiz (a SCORM package inside
	 * an LMS, which ends the attempt when its frame navigates away).
	 */
	sourcesInNewWindow?: boolean;
	/** The student's progress page, where there is one. */
	progress?: string;
	/** Where to choose another quiz, where there is a choice. */
	home?: string;
}

const key = Symbol('quiz-links');

/** Makes these the links of every quiz component below the calling one. */
export function setQuizLinks(links: QuizLinks): QuizLinks {
	return setContext(key, links);
}

/** The links an enclosing page or player set; fails loudly when none did. */
export function getQuizLinks(): QuizLinks {
	const links = getContext<QuizLinks | undefined>(key);
	if (!links) throw new Error('Quiz links are not set: call setQuizLinks() in a parent component.');
	return links;
}

/** The same links as a context map, for `mount(Component, { context })` outside any parent. */
export function quizLinksContext(links: QuizLinks): Map<symbol, QuizLinks> {
	return new Map([[key, links]]);
}
