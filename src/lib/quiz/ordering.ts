/** The order with one item moved one place up (-1) or down (+1); the same array if it cannot move. */
export function moveItem(order: string[], id: string, by: -1 | 1): string[] {
	const from = order.indexOf(id);
	const to = from + by;
	if (from === -1 || to < 0 || to >= order.length) return order;
	const next = [...order];
	[next[from], next[to]] = [next[to]!, next[from]!];
	return next;
}
