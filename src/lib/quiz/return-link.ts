import { LINK_LIMIT } from './link';

const KEY = 'sourced:return';

export interface ReturnLink {
	/** Query string of the quiz page to return to. */
	query: string;
	label: string;
}

/** Remembers, for this tab, the quiz place a student left to read a source. */
export function rememberReturn(query: string, label: string): void {
	try {
		sessionStorage.setItem(KEY, JSON.stringify({ query, label }));
	} catch {
		// No session storage: the browser's Back button still returns to the same place.
	}
}

/** The remembered quiz place, if any and if it is readable. */
export function readReturn(): ReturnLink | undefined {
	try {
		const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
		if (
			typeof value === 'object' &&
			value !== null &&
			'query' in value &&
			typeof value.query === 'string' &&
			'label' in value &&
			typeof value.label === 'string'
		)
			return {
				// As long as a share link may be: one carrying an instructor's own questions must
				// come back whole, or they would be reported missing on return.
				query: value.query.replace(/^\?/, '').slice(0, LINK_LIMIT),
				label: value.label.slice(0, 80)
			};
	} catch {
		// Unreadable: no way back to offer.
	}
	return undefined;
}
