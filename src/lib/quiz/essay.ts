// Written-argument questions are not marked by the machine. A student writes, then compares the
// answer with the model answer and ticks the rubric criteria it meets: a self-assessment, reported
// apart from the score and never added to it.

/** Words in a written answer, as a word processor counts them: runs of letters, digits and joiners. */
export function wordCount(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Points a student gave their own answer: the criteria they ticked, out of the rubric's total. */
export function selfAssessedPoints(
	rubric: readonly { id: string; points: number }[],
	met: readonly string[]
): { points: number; max: number } {
	const ticked = new Set(met);
	return {
		points: rubric.reduce((sum, c) => sum + (ticked.has(c.id) ? c.points : 0), 0),
		max: rubric.reduce((sum, c) => sum + c.points, 0)
	};
}
