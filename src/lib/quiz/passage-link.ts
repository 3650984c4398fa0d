import type { QuoteSelector } from '../content/anchor';
import { AUTHORED_ID_PREFIX } from '../content/vocabulary';

/**
 * Whether a citation's link to its source carries the quotation itself. The bank's passages are
 * marked in the reader by the build; one an instructor wrote (`my-…`) quotes a passage the reader
 * may not know, so the link brings the quote for the reader to find with the build's anchoring.
 */
export const linkCarriesQuote = (questionId: string | undefined): boolean =>
	questionId?.startsWith(AUTHORED_ID_PREFIX) ?? false;

/**
 * A source page's address for a passage: `path?quote=…&prefix=…&suffix=…#anchor` with a quotation,
 * `path#anchor` without (the anchor alone names a passage the bank cites).
 */
export function passageHref(sourcePath: string, anchor: string, quote?: QuoteSelector): string {
	if (!quote) return `${sourcePath}#${anchor}`;
	const params = new URLSearchParams({ quote: quote.exact });
	if (quote.prefix) params.set('prefix', quote.prefix);
	if (quote.suffix) params.set('suffix', quote.suffix);
	return `${sourcePath}?${params}#${anchor}`;
}
