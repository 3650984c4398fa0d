import type { StoreNotice } from './attempt-store';

// Shown only when there is a problem, so the quiz page fetches the wording then.

/** One calm sentence per problem, for the page to show. */
export const noticeText: Record<StoreNotice, string> = {
	unavailable:
		'This browser is not letting Sourced save your progress (private browsing or storage turned off), so your answers will last only while this tab is open.',
	unreadable:
		'Saved progress in this browser could not be read, so you are starting fresh; the old data was set aside, not deleted.',
	'partly-unreadable':
		'Some saved progress could not be read and was set aside; everything else is here as you left it.',
	'other-version':
		'Saved progress from a different version of Sourced was set aside, not deleted, and you are starting fresh.',
	full: 'Your browser’s storage is full, so your latest answers are kept only while this tab is open.',
	'kept-unreadable':
		'Some saved progress in this browser could not be read, and storage is too full to set a copy aside, so it is left untouched where it was; your answers in this tab are kept only while it is open.',
	'not-checked':
		'Progress saved in another tab could not be checked (part of this page did not load), so your latest answers are kept only while this tab is open.'
};
