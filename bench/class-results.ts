import { bankVersion } from '../src/lib/content/identity';
import { loadBank } from '../src/lib/content/load';
import type { Question } from '../src/lib/content/schema';
import { correctAnswer } from '../src/lib/quiz/answer-report';
import type { Answer } from '../src/lib/quiz/attempt-schema';
import { finishAttempt, indexById, setAnswer, startAttempt } from '../src/lib/quiz/attempt';
import { resultsOf } from '../src/lib/quiz/attempt-results';
import { handInCsv, handInRecord } from '../src/lib/quiz/results-file';
import { classCsv } from '../src/lib/results/class-csv';
import { analyseClass, groupHandIns, splitDuplicates } from '../src/lib/results/class-results';
import { readHandIn, type DroppedFile } from '../src/lib/results/read-hand-ins';
import { runAsChild } from './child';
import { atMost, figure, type Figure } from './figures';
import { progress } from './log';
import { median, timed } from './stats';

export const STUDENTS = 300;
export const QUESTIONS = 40;
const RUNS = 5;

/** A small seeded generator (mulberry32), so every run analyses the same class. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A plausible answer: right with a chance that grows with the student's ability, else a wrong one. */
function answerOf(q: Question, ability: number, next: () => number): Answer | undefined {
	if (next() < ability) return correctAnswer(q);
	switch (q.kind) {
		case 'single': {
			const wrong = q.options.filter((o) => !o.correct);
			return { kind: 'single', choice: wrong[Math.floor(next() * wrong.length)]!.id };
		}
		case 'multiple':
			return { kind: 'multiple', choices: q.options.filter(() => next() < 0.5).map((o) => o.id) };
		case 'true-false':
			return { kind: 'true-false', value: !q.answer };
		case 'ordering':
			return { kind: 'ordering', order: [...q.items].reverse().map((i) => i.id) };
		case 'matching': {
			const ids = q.pairs.map((p) => p.id);
			return {
				kind: 'matching',
				matches: Object.fromEntries(ids.map((id, i) => [id, ids[(i + 1) % ids.length]!]))
			};
		}
		case 'essay':
			return undefined;
	}
}

/**
 * The class-results figure: 300 hand-ins of 40 questions (two in three JSON, one in three CSV, as
 * students download them) read, validated, grouped, analysed and exported as the class CSV.
 */
export function measureClassResults(): Figure[] {
	const bank = loadBank();
	const version = bankVersion(bank.questions);
	const questions = bank.questions.filter((q) => q.kind !== 'essay').slice(0, QUESTIONS);
	if (questions.length < QUESTIONS)
		throw new Error(`the bank has only ${questions.length} marked questions`);
	const byId = indexById(questions);
	const next = random(42);
	const quizKey = `ids=${questions.map((q) => q.id).join(',')}&mode=test`;
	const files: DroppedFile[] = [];
	for (let s = 0; s < STUDENTS; s++) {
		const now = new Date(Date.UTC(2026, 11, 1, 9, 0, s)).toISOString();
		let attempt = startAttempt({
			id: `att-${s}`,
			quizKey,
			query: `${quizKey}&seed=s${s}`,
			title: 'Week 3',
			mode: 'test',
			seed: `s${s}`,
			shuffleOptions: true,
			questionIds: questions.map((q) => q.id),
			now
		});
		const ability = 0.2 + 0.7 * next();
		for (const q of questions) {
			const answer = answerOf(q, ability, next);
			if (answer) attempt = setAnswer(attempt, q.id, answer, now);
		}
		const results = resultsOf(attempt, byId, bank.topics);
		attempt = finishAttempt(attempt, results, new Date(Date.parse(now) + 900_000).toISOString());
		const record = handInRecord(attempt, results, {
			student: `Student ${s + 1}`,
			bankVersion: version
		});
		files.push(
			s % 3 === 2
				? { name: `Week 3 - Student ${s + 1}.csv`, text: handInCsv(record) }
				: { name: `Week 3 - Student ${s + 1}.json`, text: JSON.stringify(record, null, 2) }
		);
	}
	const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
	progress(`class results: ${STUDENTS} files, ${(bytes / 1e6).toFixed(1)} MB`);

	const classBank = { questions: bank.questions, topics: bank.topics, version };
	const analyse = () => {
		const reads = files.map(readHandIn);
		const broken = reads.filter((r) => !r.ok);
		if (broken.length) throw new Error(`${broken.length} generated files did not read back`);
		const [group] = groupHandIns(reads, version);
		const { counted } = splitDuplicates(group!.files);
		const results = analyseClass(counted, classBank);
		return { results, csv: classCsv(results) };
	};
	analyse();
	const runs: number[] = [];
	// CPU time beside wall time: on a shared, busy machine the wall time mostly measures the wait.
	const cpuRuns: number[] = [];
	let students = 0;
	for (let run = 0; run < RUNS; run++) {
		const cpu = process.cpuUsage();
		const { ms, result } = timed(analyse);
		const used = process.cpuUsage(cpu);
		cpuRuns.push((used.user + used.system) / 1000);
		runs.push(ms);
		students = result.results.summary.students;
	}
	if (students !== STUDENTS) throw new Error(`analysed ${students} students, not ${STUDENTS}`);
	return [
		figure(
			`class results: read + analyse ${STUDENTS} files × ${QUESTIONS} q`,
			median(runs),
			'ms',
			atMost(1000),
			{
				note: `median of ${RUNS}; CPU time ${median(cpuRuns).toFixed(0)} ms; ${(bytes / 1e6).toFixed(1)} MB of JSON and CSV`,
				details: { runsMs: runs, cpuMs: cpuRuns, files: STUDENTS, questions: QUESTIONS, bytes }
			}
		)
	];
}

await runAsChild(import.meta.url, measureClassResults);
