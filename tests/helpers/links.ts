import { quizLinksContext, type QuizLinks } from '../../src/lib/components/quiz-links';
import { passageHref } from '../../src/lib/quiz/passage-link';

/** The links the site gives its quiz components (paths as the site resolves them at its root). */
export const siteLinks: QuizLinks = {
	source: (id, anchor, quote) => passageHref(`/sources/${id}`, anchor, quote),
	quiz: (query) => `/quiz?${query}`,
	progress: '/progress',
	home: '/'
};

/** Render options for a component that links somewhere: its props, with the site's links. */
export function withSiteLinks<P>(props: P) {
	return { props, context: quizLinksContext(siteLinks) };
}
