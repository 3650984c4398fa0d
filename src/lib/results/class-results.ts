import type { AnchoredCitation, Objective, Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import { describeAnswer } from '../quiz/answer-report';
import type { Answer } from '../quiz/attempt-schema';
import type { HandIn } from '../quiz/hand-in-schema';
import { scoreQuestion } from '../quiz/scoring';
import type { HandInRead } from './read-hand-ins';

// A class's hand-ins, read on /instructor/results, analysed the way Moodle's quiz statistics report
// does: plain functions of plain data, so the page only shows what these return.

/** What the analysis needs from the bank: questions, topics with objectives, and its version. */
export interface ClassBank {
	questions: readonly Question[];
	topics: readonly { id: string; title: string; objectives: readonly Objective[] }[];
	version: string;
}

/** A hand-in that was read, and the file it came from. */
export interface LoadedHandIn {
	fileName: string;
	handIn: HandIn;
}

/** The hand-ins for one quiz taken against one version of the bank. */
export interface QuizGroup {
	/** Quiz key and bank version: what makes two files comparable. */
	id: string;
	title: string;
	quizKey: string;
	bankVersion: string;
	/** Whether the quiz was taken against the bank this page has (answers can be marked again). */
	currentBank: boolean;
	files: LoadedHandIn[];
}

/** Files read into groups, largest first (this bank's version before others of the same size). */
export function groupHandIns(reads: readonly HandInRead[], bankVersion: string): QuizGroup[] {
	const groups = new Map<string, QuizGroup>();
	for (const read of reads) {
		if (!read.ok) continue;
		const { quiz } = read.handIn;
		const id = `${quiz.key}\n${quiz.bankVersion}`;
		const group = groups.get(id) ?? {
			id,
			title: quiz.title,
			quizKey: quiz.key,
			bankVersion: quiz.bankVersion,
			currentBank: quiz.bankVersion === bankVersion,
			files: []
		};
		group.files.push({ fileName: read.fileName, handIn: read.handIn });
		groups.set(id, group);
	}
	return [...groups.values()].sort(
		(a, b) => b.files.length - a.files.length || Number(b.currentBank) - Number(a.currentBank)
	);
}

/** How a group differs from the one being analysed: another quiz, or the same quiz on another bank. */
export function groupDifference(
	group: QuizGroup,
	analysed: QuizGroup
): 'same' | 'other-quiz' | 'other-bank' {
	if (group.id === analysed.id) return 'same';
	return group.quizKey === analysed.quizKey ? 'other-bank' : 'other-quiz';
}

/** One name however it was typed: trimmed, spaces collapsed, case and compatibility forms folded. */
export function studentKey(name: string): string {
	return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Two or more files from one student for one quiz: all listed, the latest counted. */
export interface Duplicate {
	student: string;
	counted: LoadedHandIn;
	notCounted: LoadedHandIn[];
}

const handedInAt = (h: HandIn) => h.finishedAt ?? h.startedAt;

/**
 * One hand-in per student (the latest submitted), and the duplicates: same student (by `studentKey`),
 * same quiz. Nothing is merged: the page lists every file of a duplicate and which one counts.
 */
export function splitDuplicates(files: readonly LoadedHandIn[]): {
	counted: LoadedHandIn[];
	duplicates: Duplicate[];
} {
	const byStudent = new Map<string, LoadedHandIn[]>();
	for (const file of files) {
		const key = studentKey(file.handIn.student);
		byStudent.set(key, [...(byStudent.get(key) ?? []), file]);
	}
	const counted: LoadedHandIn[] = [];
	const duplicates: Duplicate[] = [];
	for (const list of byStudent.values()) {
		const latest = list.reduce((a, b) => (handedInAt(b.handIn) > handedInAt(a.handIn) ? b : a));
		counted.push(latest);
		if (list.length > 1)
			duplicates.push({
				student: latest.handIn.student,
				counted: latest,
				notCounted: list.filter((f) => f !== latest)
			});
	}
	return { counted, duplicates };
}

/** One student's answer to one question, marked. */
export interface StudentAnswer {
	questionId: string;
	/** 0 to 1; null for a written answer. */
	score: number | null;
	answer: string;
	response: Answer | null;
}

export interface StudentResult {
	student: string;
	fileName: string;
	score: number;
	max: number;
	/** 0 to 100, unrounded. */
	percent: number;
	seconds: number | null;
	byTopic: { topic: string; score: number; max: number }[];
	answers: StudentAnswer[];
	/** Questions whose score in the file is not what its answer earns (the file was edited, or is broken). */
	rescored: string[];
}

/** The marks each student's answers earn: against this bank where the file was made with it. */
function studentResult(
	file: LoadedHandIn,
	bank: ReadonlyMap<string, Question>,
	markAgain: boolean
): StudentResult {
	const { handIn } = file;
	const rescored: string[] = [];
	const answers = handIn.questions.map((q): StudentAnswer => {
		const question = bank.get(q.id);
		let score = q.score;
		if (markAgain && question && question.kind === q.kind) {
			const earned = scoreQuestion(question, q.response ?? undefined);
			if (earned !== null && (score === null || Math.abs(earned - score) > 0.0015))
				rescored.push(q.id);
			score = earned;
		}
		return { questionId: q.id, score, answer: q.answer, response: q.response };
	});
	const topics = new Map<string, { topic: string; score: number; max: number }>();
	let score = 0;
	let max = 0;
	handIn.questions.forEach((q, i) => {
		const s = answers[i]!.score;
		if (s === null) return;
		score += s;
		max++;
		const t = topics.get(q.topic) ?? { topic: q.topic, score: 0, max: 0 };
		t.score += s;
		t.max++;
		topics.set(q.topic, t);
	});
	return {
		student: handIn.student,
		fileName: file.fileName,
		score,
		max,
		percent: max ? (score / max) * 100 : 0,
		seconds: handIn.seconds,
		byTopic: [...topics.values()],
		answers,
		rescored
	};
}

/** Fewer students than this and the discrimination figures are not worked out: they would be noise. */
export const MIN_STUDENTS_FOR_DISCRIMINATION = 10;
/** The share of the class in each of the upper and lower groups (Kelley's 27%). */
export const GROUP_SHARE = 0.27;
/** How many of the most-missed questions the page leads with. */
export const MOST_MISSED = 5;

/** The share of a choice question's respondents who picked one option, and how those students did. */
export interface OptionChoice {
	id: string;
	text: string;
	correct: boolean;
	count: number;
	/** 0 to 1 of the students who answered the question. */
	share: number;
	/** Chosen by at least two students who did as well on the rest of the quiz as those who got it right. */
	possiblyAmbiguous: boolean;
	feedback: string;
}

/** The most chosen wrong answer: an option with its feedback, or a wrong response in words. */
export interface WrongAnswer {
	answer: string;
	count: number;
	/** The feedback a student choosing it read; absent for kinds without per-option feedback. */
	feedback?: string;
}

export interface ItemStats {
	questionId: string;
	prompt: string;
	kind: Question['kind'];
	topic: string;
	/** Students whose file has this question. */
	n: number;
	/** Mean share of the mark earned, 0 to 1 (Moodle's facility index). */
	facility: number;
	/** Standard deviation of the item's scores. */
	sd: number;
	/** Upper-minus-lower 27% index: mean item score of the top group minus the bottom group; null in small classes. */
	discrimination: number | null;
	/** Correlation of the item score with the score on the rest of the quiz; null in small classes. */
	itemRest: number | null;
	/** For single, multiple and true/false questions: every option, with the share choosing it. */
	options?: OptionChoice[];
	/** Answers left blank. */
	blank: number;
	mostChosenWrong?: WrongAnswer;
	/** The passages the question rests on (empty if it has left the bank). */
	citations: AnchoredCitation[];
	explanation?: string;
}

export interface TopicMastery {
	topic: string;
	title: string;
	objectives: { id: string; text: string; score: number; max: number }[];
	/** Sum of marks earned over sum of marks possible, across the class. */
	score: number;
	max: number;
}

export interface ClassSummary {
	students: number;
	/** 0 to 100, one per student, as counted. */
	percents: number[];
	/** Ten bins of ten points each (the last one holds 100). */
	histogram: { from: number; to: number; count: number }[];
	median: number | null;
	min: number | null;
	max: number | null;
	time: { median: number; min: number; max: number; counted: number } | null;
}

export interface ClassResults {
	summary: ClassSummary;
	students: StudentResult[];
	topics: TopicMastery[];
	items: ItemStats[];
	/** Written arguments: how many answers and the mean self-assessed share; kept out of every score. */
	written: { questionId: string; prompt: string; answers: number; selfAssessed: number | null }[];
	/** The questions with the lowest facility (below full marks), lowest first. */
	mostMissed: ItemStats[];
	/** Students whose file had a score that its answers do not earn. */
	rescored: { student: string; fileName: string; questions: string[] }[];
}

/** Everything the results page shows for one group of comparable hand-ins (one per student). */
export function analyseClass(files: readonly LoadedHandIn[], bank: ClassBank): ClassResults {
	const byId = new Map(bank.questions.map((q) => [q.id, q]));
	const markAgain = files.every((f) => f.handIn.quiz.bankVersion === bank.version);
	const students = files
		.map((f) => studentResult(f, byId, markAgain))
		.sort((a, b) => a.student.localeCompare(b.student, 'en'));

	const order: string[] = [];
	const prompts = new Map<string, { prompt: string; kind: Question['kind']; topic: string }>();
	for (const f of files)
		for (const q of f.handIn.questions)
			if (!prompts.has(q.id)) {
				order.push(q.id);
				prompts.set(q.id, { prompt: q.prompt, kind: q.kind, topic: q.topic });
			}

	const items: ItemStats[] = [];
	const written: ClassResults['written'] = [];
	for (const id of order) {
		const seen = prompts.get(id)!;
		const question = byId.get(id);
		if (seen.kind === 'essay') {
			const points = files.flatMap((f) => {
				const q = f.handIn.questions.find((x) => x.id === id);
				return q?.selfAssessed && q.selfAssessed.max
					? [q.selfAssessed.points / q.selfAssessed.max]
					: [];
			});
			const answers = files.filter((f) =>
				f.handIn.questions.some(
					(x) => x.id === id && x.response?.kind === 'essay' && x.response.text.trim()
				)
			).length;
			written.push({
				questionId: id,
				prompt: question?.prompt ?? seen.prompt,
				answers,
				selfAssessed: points.length ? mean(points) : null
			});
			continue;
		}
		items.push(itemStats(id, question, seen, students));
	}

	const mostMissed = items
		.filter((i) => i.n > 0 && i.facility < 1 - 1e-9)
		.sort((a, b) => a.facility - b.facility || b.n - a.n)
		.slice(0, MOST_MISSED);

	return {
		summary: summaryOf(students),
		students,
		topics: topicMastery(students, bank, byId),
		items,
		written,
		mostMissed,
		rescored: students
			.filter((s) => s.rescored.length)
			.map((s) => ({ student: s.student, fileName: s.fileName, questions: s.rescored }))
	};
}

function itemStats(
	id: string,
	question: Question | undefined,
	seen: { prompt: string; kind: Question['kind']; topic: string },
	students: readonly StudentResult[]
): ItemStats {
	const takers = students.flatMap((s) => {
		const a = s.answers.find((x) => x.questionId === id);
		if (!a || a.score === null) return [];
		const rest = s.max > 1 ? (s.score - a.score) / (s.max - 1) : 0;
		return [{ student: s, answer: a, score: a.score, rest, total: s.max ? s.score / s.max : 0 }];
	});
	const scores = takers.map((t) => t.score);
	const n = takers.length;
	const enough = n >= MIN_STUDENTS_FOR_DISCRIMINATION;
	const stats: ItemStats = {
		questionId: id,
		prompt: question?.prompt ?? seen.prompt,
		kind: seen.kind,
		topic: seen.topic,
		n,
		facility: n ? mean(scores) : 0,
		sd: n ? standardDeviation(scores) : 0,
		discrimination: enough ? upperMinusLower(takers) : null,
		itemRest: enough
			? correlation(
					scores,
					takers.map((t) => t.rest)
				)
			: null,
		blank: takers.filter((t) => !t.answer.response).length,
		citations: question?.citations ?? [],
		explanation: question?.explanation
	};
	if (!question) return stats;
	const wrong = takers.filter((t) => t.score < 1 - 1e-9 && t.answer.response);
	const options = optionChoices(question, takers);
	if (options) {
		stats.options = options;
		const top = options
			.filter((o) => !o.correct && o.count > 0)
			.sort((a, b) => b.count - a.count)[0];
		if (top) stats.mostChosenWrong = { answer: top.text, count: top.count, feedback: top.feedback };
	} else if (wrong.length) {
		const counts = new Map<string, number>();
		for (const t of wrong) {
			const words = describeAnswer(question, t.answer.response ?? undefined);
			counts.set(words, (counts.get(words) ?? 0) + 1);
		}
		const [answer, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
		stats.mostChosenWrong = { answer, count };
	}
	return stats;
}

type Taker = {
	answer: StudentAnswer;
	score: number;
	rest: number;
	total: number;
	student: StudentResult;
};

/** For choice questions, each option with how many chose it; undefined for the other kinds. */
function optionChoices(question: Question, takers: readonly Taker[]): OptionChoice[] | undefined {
	let options: {
		id: string;
		text: string;
		correct: boolean;
		feedback: string;
		chose: (a: Answer) => boolean;
	}[];
	switch (question.kind) {
		case 'single':
			options = question.options.map((o) => ({
				...o,
				chose: (a) => a.kind === 'single' && a.choice === o.id
			}));
			break;
		case 'multiple':
			options = question.options.map((o) => ({
				...o,
				chose: (a) => a.kind === 'multiple' && a.choices.includes(o.id)
			}));
			break;
		case 'true-false':
			options = [true, false].map((value) => ({
				id: String(value),
				text: value ? 'True' : 'False',
				correct: question.answer === value,
				feedback: value ? question.feedback.ifTrue : question.feedback.ifFalse,
				chose: (a) => a.kind === 'true-false' && a.value === value
			}));
			break;
		case 'ordering':
		case 'matching':
		case 'essay':
			return undefined;
		default:
			return unhandledKind(question);
	}
	const n = takers.length;
	const right = takers.filter((t) => t.score >= 1 - 1e-9);
	// What "strong" means here: doing as well on the rest of the quiz as those who got this one right
	// (or, if nobody did, as the class as a whole).
	const bar = mean((right.length ? right : takers).map((t) => t.rest));
	return options.map(({ chose, ...o }) => {
		const choosers = takers.filter((t) => t.answer.response && chose(t.answer.response));
		return {
			id: o.id,
			text: o.text,
			correct: o.correct,
			feedback: o.feedback,
			count: choosers.length,
			share: n ? choosers.length / n : 0,
			possiblyAmbiguous:
				!o.correct && choosers.length >= 2 && mean(choosers.map((t) => t.rest)) >= bar - 1e-9
		};
	});
}

/**
 * Kelley's index: students ranked by their total share of the marks, the top and bottom 27% (at least
 * one each) compared on this item. Ties at a group's edge are broken by name, so the result is stable.
 */
function upperMinusLower(takers: readonly Taker[]): number {
	const ranked = [...takers].sort(
		(a, b) => b.total - a.total || a.student.student.localeCompare(b.student.student, 'en')
	);
	const size = Math.max(1, Math.round(ranked.length * GROUP_SHARE));
	const upper = ranked.slice(0, size).map((t) => t.score);
	const lower = ranked.slice(-size).map((t) => t.score);
	return mean(upper) - mean(lower);
}

/** Pearson's r; null when either side does not vary (everyone scored the same). */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = xs.length;
	if (n < 2) return null;
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i]! - mx;
		const dy = ys[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.sqrt(sxx * syy);
}

function summaryOf(students: readonly StudentResult[]): ClassSummary {
	const percents = students.map((s) => s.percent);
	const histogram = Array.from({ length: 10 }, (_, i) => ({
		from: i * 10,
		to: i === 9 ? 100 : i * 10 + 9,
		count: 0
	}));
	for (const p of percents) histogram[Math.min(9, Math.floor(p / 10 + 1e-9))]!.count++;
	const seconds = students.flatMap((s) => (s.seconds === null ? [] : [s.seconds]));
	return {
		students: students.length,
		percents,
		histogram,
		median: median(percents),
		min: percents.length ? Math.min(...percents) : null,
		max: percents.length ? Math.max(...percents) : null,
		time: seconds.length
			? {
					median: median(seconds)!,
					min: Math.min(...seconds),
					max: Math.max(...seconds),
					counted: seconds.length
				}
			: null
	};
}

function topicMastery(
	students: readonly StudentResult[],
	bank: ClassBank,
	byId: ReadonlyMap<string, Question>
): TopicMastery[] {
	return bank.topics.flatMap((topic) => {
		let score = 0;
		let max = 0;
		const objectives = new Map(topic.objectives.map((o) => [o.id, { ...o, score: 0, max: 0 }]));
		for (const s of students)
			for (const a of s.answers) {
				const question = byId.get(a.questionId);
				if (a.score === null || question?.topic !== topic.id) continue;
				score += a.score;
				max++;
				const objective = objectives.get(question.objective);
				if (objective) {
					objective.score += a.score;
					objective.max++;
				}
			}
		return max
			? [{ topic: topic.id, title: topic.title, objectives: [...objectives.values()], score, max }]
			: [];
	});
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function standardDeviation(xs: readonly number[]): number {
	const m = mean(xs);
	return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}
