import type { AnchoredCitation, Bank } from './schema';

/** Something in the bank that quotes a passage. */
export interface Citer {
	kind: 'question' | 'glossary' | 'comparison' | 'seminar';
	id: string;
	label: string;
}

/** One distinct cited passage of a source, with everything that quotes it. */
export interface CitedPassage {
	anchor: string;
	start: number;
	end: number;
	exact: string;
	citedBy: Citer[];
}

/** The passages of one source that the bank cites, in reading order. */
export function citedPassages(bank: Bank, sourceId: string): CitedPassage[] {
	const byAnchor = new Map<string, CitedPassage>();
	const note = (citer: Citer, { source, anchor, start, end, exact }: AnchoredCitation) => {
		if (source !== sourceId) return;
		const passage = byAnchor.get(anchor) ?? { anchor, start, end, exact, citedBy: [] };
		const already = passage.citedBy.some((x) => x.kind === citer.kind && x.id === citer.id);
		if (!already) passage.citedBy.push(citer);
		byAnchor.set(anchor, passage);
	};
	for (const q of bank.questions)
		for (const c of q.citations) note({ kind: 'question', id: q.id, label: q.prompt }, c);
	for (const t of bank.glossary)
		for (const c of t.citations) note({ kind: 'glossary', id: t.id, label: t.term }, c);
	for (const topic of bank.topics)
		for (const c of topic.seminar?.readings ?? [])
			note({ kind: 'seminar', id: topic.id, label: topic.title }, c);
	for (const row of bank.comparisons)
		for (const account of row.accounts)
			for (const c of account.quotes) note({ kind: 'comparison', id: row.id, label: row.title }, c);
	return [...byAnchor.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A run of text inside one paragraph, covered by the same set of cited passages. */
export interface Segment {
	text: string;
	/** Anchors of the passages covering this run (empty: not cited). */
	passages: string[];
	/** Anchors of the passages that begin with this run. */
	starts: string[];
	/** Anchors of the passages that end with this run. */
	ends: string[];
}

/**
 * Splits a source into paragraphs (its non-blank lines) and each paragraph into runs at every
 * passage boundary, so overlapping citations can all be marked. Offsets are in code points.
 */
export function segmentSource(
	text: string,
	passages: readonly { anchor: string; start: number; end: number }[]
): Segment[][] {
	const points = Array.from(text);
	const cuts = [...new Set(passages.flatMap((p) => [p.start, p.end]))].sort((a, b) => a - b);
	const paragraphs: Segment[][] = [];
	let lineStart = 0;
	for (let i = 0; i <= points.length; i++) {
		if (i < points.length && points[i] !== '\n') continue;
		const bounds = [lineStart, ...cuts.filter((c) => c > lineStart && c < i), i];
		const segments: Segment[] = [];
		for (let k = 0; k + 1 < bounds.length; k++) {
			const from = bounds[k]!;
			const to = bounds[k + 1]!;
			segments.push({
				text: points.slice(from, to).join(''),
				passages: passages.filter((p) => p.start < to && p.end > from).map((p) => p.anchor),
				starts: passages.filter((p) => p.start === from).map((p) => p.anchor),
				ends: passages.filter((p) => p.end === to).map((p) => p.anchor)
			});
		}
		if (segments.some((s) => s.text.trim() !== '')) paragraphs.push(segments);
		lineStart = i + 1;
	}
	return paragraphs;
}
