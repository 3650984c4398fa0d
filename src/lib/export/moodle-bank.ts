import type { Pack, Question, QuestionOf } from '../content/schema';
import { seededRandom, shuffled } from '../quiz/random';
import { questionTextWithGuidance } from './feedback-text';
import { kindConversionNotes } from './notes';
import { positionPairs, type MatchPair } from './ordering-as-matching';
import type { ConversionNote } from './types';

// What Moodle's question bank can hold, shared by the two Moodle formats (GIFT and Moodle XML):
// its grade fractions, its category paths, and ordering questions turned into matching.

const positivePercents = [
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
	12.5, 11.11111, 10, 5
];

/**
 * Every grade Moodle's importers accept for an answer, in percent (Moodle's
 * `question_bank::fraction_options_full()`); any other value stops the import.
 */
export const moodleGradePercents: readonly number[] = [
	...positivePercents,
	0,
	...positivePercents.map((p) => -p)
];

/** The grade from Moodle's list nearest to `percent`. */
export function nearestMoodlePercent(percent: number): number {
	return moodleGradePercents.reduce((best, p) =>
		Math.abs(p - percent) < Math.abs(best - percent) ? p : best
	);
}

/**
 * Moodle's own check on a multiple-response question: the positive grades, as fractions of 1
 * rounded to two places, must add up to exactly 1 (qtype_multichoice `save_question_options`).
 */
export function makesFullMarksInMoodle(percents: readonly number[]): boolean {
	const total = percents.filter((p) => p > 0).reduce((sum, p) => sum + p / 100, 0);
	return Math.round(total * 100) === 100;
}

/**
 * The grade in percent of each option of a multiple-answer question, by option id: our rule of
 * +1/k per right pick and −1/k per wrong pick (k right options) as +100/k and −100/k, each snapped
 * to Moodle's list. Throws, naming the question, if the snapped right grades would not make 100.
 */
export function multipleResponsePercents(question: QuestionOf<'multiple'>): Map<string, number> {
	const k = question.options.filter((o) => o.correct).length;
	const right = nearestMoodlePercent(100 / k);
	const wrong = nearestMoodlePercent(-100 / k);
	if (!makesFullMarksInMoodle(Array<number>(k).fill(right)))
		throw new Error(
			`question ${question.id}: ${k} right answers at ${right}% each do not make 100% in Moodle`
		);
	return new Map(question.options.map((o) => [o.id, o.correct ? right : wrong]));
}

/**
 * A topic's Moodle category path, `$course$/Sourced/<title>`. A slash inside the title is doubled
 * and a leading or trailing one padded with a space, as Moodle's `assemble_category_path` does,
 * so the title stays one category level.
 */
export function topicCategoryPath(topicTitle: string): string {
	let name = topicTitle.replaceAll('/', '//');
	if (name.startsWith('/')) name = ` ${name}`;
	if (name.endsWith('/')) name = `${name} `;
	return `$course$/Sourced/${name}`;
}

/** A topic as a Moodle category: its title, its category path and its questions in pack order. */
export interface TopicCategory {
	title: string;
	path: string;
	questions: Question[];
}

/** The pack's questions grouped by topic in the pack's topic order: one Moodle category each. */
export function topicCategories(pack: Pack): TopicCategory[] {
	return pack.topics
		.map((topic) => ({
			title: topic.title,
			path: topicCategoryPath(topic.title),
			questions: pack.questions.filter((q) => q.topic === topic.id)
		}))
		.filter((category) => category.questions.length > 0);
}

/** The sentence added to the text of an ordering question exported as matching. */
export const orderingAsMatchingInstruction =
	'Moodle has no ordering question, so this is a matching question: match each item to its place in the right order (Position 1 comes first).';

/**
 * An ordering question as matching rows, each item with "Position N". The rows are listed in an
 * order scrambled from the question id (never the right order itself), so that the file does not
 * give the answer away where Moodle is told not to shuffle.
 */
export function orderingMatchRows(question: QuestionOf<'ordering'>): MatchPair[] {
	const rows = positionPairs(question);
	const scrambled = shuffled(rows, seededRandom(question.id));
	const unchanged = scrambled.every((row, i) => row === rows[i]);
	return unchanged ? [...rows.slice(1), rows[0]!] : scrambled;
}

/** The rows of a matching question, or of an ordering question exported as matching. */
export function matchRowsOf(
	question: QuestionOf<'matching'> | QuestionOf<'ordering'>
): MatchPair[] {
	return question.kind === 'matching' ? question.pairs : orderingMatchRows(question);
}

/**
 * The paragraphs of a question's text in Moodle: the hypothetical case and prompt, an essay's
 * guidance, and for a converted ordering question why it is a matching one.
 */
export function moodleQuestionParagraphs(question: Question): string[] {
	const paragraphs = questionTextWithGuidance(question);
	return question.kind === 'ordering' ? [...paragraphs, orderingAsMatchingInstruction] : paragraphs;
}

/** A question's Moodle tags: its topic, difficulty, cognitive level (if it has one) and own tags. */
export function moodleTags(question: Question): string[] {
	return [
		question.topic,
		question.difficulty,
		...(question.level ? [question.level] : []),
		...question.tags
	];
}

/**
 * What a Moodle format changes, question by question, in category order. Moodle has no core
 * ordering question, so each one becomes matching (item → "Position N"); what happens to an
 * essay's model answer and rubric depends on the format, which says so in `essayNote`.
 */
export function moodleConversionNotes(
	pack: Pack,
	essayNote: (question: QuestionOf<'essay'>) => string
): ConversionNote[] {
	return kindConversionNotes(
		topicCategories(pack).flatMap((category) => category.questions),
		{
			ordering: () =>
				'ordering exported as matching (item → "Position N"): Moodle has no core ordering question. ' +
				'Moodle gives credit for each item put in its right position, where Sourced credits neighbouring pairs.',
			essay: essayNote
		}
	);
}

/** The conversion list as plain lines for a comment at the top of an export file. */
export function conversionCommentLines(notes: readonly ConversionNote[]): string[] {
	if (notes.length === 0) return ['Conversions: none. Every question is exported as its own kind.'];
	return [
		`Conversions (${notes.length}):`,
		...notes.map((n) => `- ${n.questionId}: ${n.action}. ${n.note}`)
	];
}

/** Pack settings that belong to the Moodle quiz rather than the question bank, as a line for the file's comment. */
export function quizSettingsCommentLine(pack: Pack): string {
	return (
		`Quiz settings (mode: ${pack.settings.mode}, shuffle questions: ${pack.settings.shuffleQuestions ? 'yes' : 'no'}) ` +
		'belong to the Moodle quiz, not the question bank: set them on the quiz.'
	);
}
