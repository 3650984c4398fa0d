// Between the DOM's selection and offsets in a source's text. The reader renders each paragraph as an
// element carrying `data-start` (the UTF-16 offset of its first character in the source) and holding
// the paragraph's text verbatim, so an offset is the paragraph's start plus the length of the text
// before the point inside it, whatever elements the browser put the selection's ends in.

const PARAGRAPH = '[data-start]';

/** The paragraph elements of a rendered source text, in order. */
const paragraphsIn = (container: Element) => [
	...container.querySelectorAll<HTMLElement>(PARAGRAPH)
];

const startOf = (p: HTMLElement) => Number(p.dataset.start);
const endOf = (p: HTMLElement) => startOf(p) + (p.textContent ?? '').length;

/** The offset in the source of a DOM point (a selection's end), or where it lies outside the text. */
function offsetAt(container: Element, node: Node, offset: number): number | 'before' | 'after' {
	const doc = container.ownerDocument;
	const range = doc.createRange();
	range.selectNodeContents(container);
	const where = range.comparePoint(node, offset);
	if (where !== 0) return where < 0 ? 'before' : 'after';
	const paragraphs = paragraphsIn(container);
	for (const p of paragraphs) {
		range.selectNodeContents(p);
		const place = range.comparePoint(node, offset);
		if (place < 0) return startOf(p);
		if (place > 0) continue;
		range.setEnd(node, offset);
		return startOf(p) + range.toString().length;
	}
	const last = paragraphs.at(-1);
	return last ? endOf(last) : 'before';
}

/**
 * The UTF-16 offsets in the source of the part of `range` that falls in the rendered text, in
 * reading order; undefined when the range lies wholly outside it or is empty.
 */
export function sourceOffsets(container: Element, range: Range): [number, number] | undefined {
	const paragraphs = paragraphsIn(container);
	if (!paragraphs.length || range.collapsed) return undefined;
	const textStart = startOf(paragraphs[0]!);
	const textEnd = endOf(paragraphs.at(-1)!);
	const from = offsetAt(container, range.startContainer, range.startOffset);
	const to = offsetAt(container, range.endContainer, range.endOffset);
	if (from === to && typeof from === 'string') return undefined;
	const clamp = (n: number | 'before' | 'after') =>
		n === 'before' ? textStart : n === 'after' ? textEnd : n;
	const [start, end] = [clamp(from), clamp(to)];
	return start < end ? [start, end] : undefined;
}

/** A DOM range over the source's text from `start` to `end` (UTF-16 offsets), for showing a passage. */
export function rangeOver(container: Element, start: number, end: number): Range | undefined {
	const at = (offset: number): [Node, number] | undefined => {
		const p = paragraphsIn(container).find((e) => startOf(e) <= offset && offset <= endOf(e));
		const text = p?.firstChild;
		return text ? [text, offset - startOf(p)] : undefined;
	};
	const from = at(start);
	const to = at(end);
	if (!from || !to) return undefined;
	const range = container.ownerDocument.createRange();
	range.setStart(...from);
	range.setEnd(...to);
	return range;
}
