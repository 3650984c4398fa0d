// Moodle's ordering question (qtype_ordering, question.php) as it grades with gradingtype
// RELATIVE_NEXT_EXCLUDE_LAST, transcribed from grade_response() and get_next_answerids(), so the
// tests can compare it with Sourced's own rule.

/** Each item's next item in `order`; the last item has none ("excluding last"). */
function nextOf(order: readonly string[]): Map<string, string> {
	const next = new Map<string, string>();
	for (let i = 0; i + 1 < order.length; i++) next.set(order[i]!, order[i + 1]!);
	return next;
}

/**
 * Moodle's fraction for a response: the items whose next item in the response is their next item
 * in the right order, out of the items that have a next item in the right order (n − 1).
 */
export function moodleRelativeNextExcludeLast(
	correct: readonly string[],
	response: readonly string[]
): number {
	const correctNext = nextOf(correct);
	const responseNext = nextOf(response);
	let countCorrect = 0;
	for (const [item, next] of correctNext) if (responseNext.get(item) === next) countCorrect++;
	return correctNext.size === 0 ? 0 : countCorrect / correctNext.size;
}

/** Every order of the items. */
export function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}
