import {
	difficultyLabels,
	kindLabels,
	levelLabels,
	type CognitiveLevel,
	type Difficulty,
	type QuestionKind
} from '../content/vocabulary';

/**
 * The line under a question in the builder's bank, in words: "comp-05 · Compensation · Single
 * answer · Intro · Understand · teaches discrepancy D5, “Who told whom?”".
 */
export function questionMetaLine(
	q: {
		id: string;
		kind: QuestionKind;
		difficulty: Difficulty;
		level?: CognitiveLevel;
		tags: readonly string[];
	},
	topicTitle: string,
	discrepancies: readonly { id: string; title: string }[]
): string {
	const taught = discrepancies.filter((d) => q.tags.includes(d.id));
	const teaches = taught.length
		? `teaches ${taught.length === 1 ? 'discrepancy' : 'discrepancies'} ${taught
				.map((d) => `${d.id.toUpperCase()}, “${d.title}”`)
				.join('; ')}`
		: '';
	return [
		q.id,
		topicTitle,
		kindLabels[q.kind],
		difficultyLabels[q.difficulty],
		q.level ? levelLabels[q.level] : '',
		teaches
	]
		.filter(Boolean)
		.join(' · ');
}
