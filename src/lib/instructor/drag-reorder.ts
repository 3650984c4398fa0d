/**
 * The arithmetic of reordering the pack list by dragging a row with a pointer: where the row would
 * land, where to draw the drop marker, and how fast to scroll near an edge. Rows are given as the
 * vertical spans of their bounding boxes (`getBoundingClientRect`), in list order, so the answer does
 * not depend on which element happens to be under the pointer (sticky and scrolled columns, the
 * dragged row itself).
 */

/** A row's vertical extent in viewport pixels. */
export interface RowSpan {
	top: number;
	bottom: number;
}

/**
 * The 0-based position the row at `from` takes if dropped at `y`: the number of the other rows whose
 * middle is above `y`. The dragged row's own span is ignored (it may be moved or transformed).
 */
export function dropIndex(y: number, rows: readonly RowSpan[], from: number): number {
	let index = 0;
	rows.forEach((row, i) => {
		if (i !== from && (row.top + row.bottom) / 2 < y) index++;
	});
	return index;
}

/**
 * Where to draw the drop marker for a move from `from` to `to` in a list of `count` rows: on the top
 * edge of the row it would land before, or on the bottom edge of the last row; none if nothing moves.
 */
export function dropMarker(
	from: number,
	to: number,
	count: number
): { row: number; edge: 'top' | 'bottom' } | undefined {
	if (to === from || from < 0 || from >= count || to < 0 || to >= count) return undefined;
	// `to` counts the rows other than the dragged one; the row now at `to` among them follows it.
	return to === count - 1
		? { row: count - 1, edge: 'bottom' }
		: { row: to < from ? to : to + 1, edge: 'top' };
}

/**
 * Pixels to scroll by in one animation frame while dragging at `y` inside a scrolling area spanning
 * `top`–`bottom`: negative near the top edge, positive near the bottom, faster the closer (and past)
 * the edge, zero elsewhere.
 */
export function autoScrollStep(
	y: number,
	top: number,
	bottom: number,
	zone = 48,
	fastest = 20
): number {
	const band = Math.min(zone, (bottom - top) / 4);
	if (band <= 0) return 0;
	const speed = (depth: number) => Math.max(1, Math.round(fastest * Math.min(1, depth / band)));
	if (y < top + band) return -speed(top + band - y);
	if (y > bottom - band) return speed(y - (bottom - band));
	return 0;
}
