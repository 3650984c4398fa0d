import type { AnchoredCitation, Pack, Question } from '../content/schema';

/** The name a pack gives a source, e.g. "Ars Technica". */
export function sourceLabel(pack: Pack, sourceId: string): string {
	return pack.sources.find((s) => s.id === sourceId)?.label ?? sourceId;
}

/** One citation as plain text for an LMS feedback field: the quote in quotation marks, then the outlet. */
export function citationText(pack: Pack, citation: AnchoredCitation): string {
	const source = pack.sources.find((s) => s.id === citation.source);
	const where = source?.url && source.url !== 'unknown' ? ` (${source.url})` : '';
	return `“${citation.exact}” — ${sourceLabel(pack, citation.source)}${where}`;
}

/**
 * The general feedback every exported question carries (LMSs drop shared blocks, so each item
 * holds its own evidence): the explanation, then each cited passage with its outlet.
 */
export function generalFeedbackLines(pack: Pack, question: Question): string[] {
	return [
		question.explanation,
		question.citations.length > 1 ? 'Sources:' : 'Source:',
		...question.citations.map((c) => citationText(pack, c))
	];
}
