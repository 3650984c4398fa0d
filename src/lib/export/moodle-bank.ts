import type { Pack, Question, QuestionOf } from '../content/schema';
import { oneLine } from '../text/one-line';
import type { ConversionNote } from './types';

// What Moodle's question bank can hold, shared by the two Moodle formats (GIFT and Moodle XML):
// its grade fractions, its categories and question names, and what it keeps of a pack.

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
 * One level of a Moodle category path: a `/` inside the title is doubled and a leading or trailing
 * one padded with a space, as Moodle's `assemble_category_path` does, so the title stays one level
 * (Moodle's `split_category_path` splits only at a single `/`). A line break becomes a space.
 */
export function categoryPathLevel(title: string): string {
	let name = oneLine(title).replaceAll('/', '//');
	if (name.startsWith('/')) name = ` ${name}`;
	if (name.endsWith('/')) name = `${name} `;
	return name;
}

/** A category under the course's top category, `$course$/top/<title>[/<title>…]`, as Moodle 3.5+ writes it. */
export function moodleCategoryPath(titles: readonly string[]): string {
	return ['$course$', 'top', ...titles.map(categoryPathLevel)].join('/');
}

/** A question with its place in the pack (1 for the first). */
export interface PlacedQuestion {
	question: Question;
	position: number;
}

/** A Moodle question category: its path, its description (Moodle's "category info") and its questions. */
export interface MoodleCategory {
	path: string;
	/** The category's description in Moodle, or '' for none. */
	info: string;
	questions: PlacedQuestion[];
}

/** The runs of consecutive questions that share a topic, in pack order. */
function topicRuns(questions: readonly PlacedQuestion[]): PlacedQuestion[][] {
	const runs: PlacedQuestion[][] = [];
	for (const placed of questions) {
		const last = runs.at(-1);
		if (last && last[0]!.question.topic === placed.question.topic) last.push(placed);
		else runs.push([placed]);
	}
	return runs;
}

/**
 * Where a pack's questions go in Moodle's question bank, in pack order: a category named after the
 * pack, its instructions as the category's description. A pack that keeps each of two or more
 * topics together (the whole bank does) gets one subcategory per topic under it, which changes
 * nothing in the order; any other pack keeps every question in the one category.
 */
export function packCategories(pack: Pack): MoodleCategory[] {
	const placed = pack.questions.map((question, i) => ({ question, position: i + 1 }));
	const packCategory = { path: moodleCategoryPath([pack.title]), info: pack.description };
	const runs = topicRuns(placed);
	const topicsKeptTogether =
		new Set(runs.map((run) => run[0]!.question.topic)).size === runs.length;
	if (runs.length < 2 || !topicsKeptTogether) return [{ ...packCategory, questions: placed }];
	const topicTitle = (id: string) => pack.topics.find((t) => t.id === id)?.title ?? id;
	return [
		{ ...packCategory, questions: [] },
		...runs.map((run) => ({
			path: moodleCategoryPath([pack.title, topicTitle(run[0]!.question.topic)]),
			info: '',
			questions: run
		}))
	];
}

/** The most characters of the prompt a question's Moodle name carries. */
const NAME_PROMPT_LENGTH = 60;

/** The start of a prompt as a short title: on one line, cut at a word break with "…" if it is long. */
export function shortTitle(prompt: string): string {
	const line = oneLine(prompt).trim();
	if (line.length <= NAME_PROMPT_LENGTH) return line;
	const cut = line.slice(0, NAME_PROMPT_LENGTH);
	const wordBreak = cut.lastIndexOf(' ');
	return `${(wordBreak > NAME_PROMPT_LENGTH / 2 ? cut.slice(0, wordBreak) : cut).trimEnd()}…`;
}

/**
 * A question's name in Moodle's question bank, e.g. "01 · comp-01 · What the artists did in return":
 * its position zero-padded to the pack's size (so sorting by name keeps pack order), its id and
 * the start of its prompt.
 */
export function moodleQuestionName(placed: PlacedQuestion, questionCount: number): string {
	const width = Math.max(2, String(questionCount).length);
	const position = String(placed.position).padStart(width, '0');
	return `${position} · ${placed.question.id} · ${shortTitle(placed.question.prompt)}`;
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

/** The conversion list as plain lines for a comment at the top of an export file. */
export function conversionCommentLines(notes: readonly ConversionNote[]): string[] {
	if (notes.length === 0) return ['Conversions: none. Every question is exported as its own kind.'];
	return [
		`Conversions (${notes.length}):`,
		...notes.map((n) => `- ${n.questionId}: ${n.action}. ${n.note}`)
	];
}

/**
 * Where the pack lands in Moodle, for the export report: the category (and its topic
 * subcategories, if any) under the course's top category.
 */
export function categoryPlacement(pack: Pack): string {
	const subcategories =
		packCategories(pack).length > 1 ? ', one subcategory per topic under it,' : '';
	return `the category "${oneLine(pack.title)}"${subcategories} under the course's top category`;
}

/** How the questions are named in Moodle, as the export report says it. */
export function namingLine(pack: Pack): string {
	const first = pack.questions[0];
	const example = first
		? ` (the first is "${moodleQuestionName({ question: first, position: 1 }, pack.questions.length)}")`
		: '';
	return `the questions in pack order, each named by its position, its id and the start of its prompt${example}, so that the question bank sorted by name lists them in pack order`;
}

/** What Moodle does not keep, the same for both Moodle formats. */
export function moodleDoesNotKeepLine(pack: Pack): string {
	return (
		`Moodle does not keep: the quiz settings (mode: ${pack.settings.mode}, shuffle questions: ${pack.settings.shuffleQuestions ? 'yes' : 'no'}), which belong to the Moodle quiz: set them there; ` +
		'the order inside a quiz, which follows the order you add the questions in. ' +
		'Importing the file again into the same category adds a second copy of every question rather than updating the first, and the copies have no ID number (Moodle leaves out an ID number already used in the category).'
	);
}
