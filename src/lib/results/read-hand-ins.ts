import { parseCsv, unguardedText } from '../text/csv-read';
import { HAND_IN_FORMAT, HAND_IN_VERSION, handInSchema, type HandIn } from '../quiz/hand-in-schema';
import { handInCsvHeader, type HandInCsvColumn } from '../quiz/results-file';

/** The most files one drop reads: a large lecture, several times over. */
export const MAX_HAND_IN_FILES = 1000;
/** The largest file read: a 1,000-question hand-in with long written answers fits well inside. */
export const MAX_HAND_IN_BYTES = 2_000_000;

/** A file as the page gives it: its name and text (size checked before the text is read). */
export interface DroppedFile {
	name: string;
	text: string;
}

/** A hand-in read from a file, or what is wrong with the file and where. */
export type HandInRead =
	| { ok: true; fileName: string; handIn: HandIn }
	| { ok: false; fileName: string; problem: string; where?: string };

/** Files beyond the count or size limit, refused before they are read (so a huge drop stays quick). */
export function oversizedProblem(fileName: string, bytes: number): HandInRead | undefined {
	if (bytes <= MAX_HAND_IN_BYTES) return undefined;
	return {
		ok: false,
		fileName,
		problem: `the file is ${(bytes / 1e6).toFixed(1)} MB, over the ${MAX_HAND_IN_BYTES / 1e6} MB a results file may be; it was not read`
	};
}

/** Reads one dropped file as a hand-in: JSON or CSV (by its name, else by its first character). */
export function readHandIn(file: DroppedFile): HandInRead {
	const text = file.text.replace(/^\uFEFF/, '');
	const isCsv =
		/\.csv$/i.test(file.name) || (!/\.json$/i.test(file.name) && !/^\s*[{[]/.test(text));
	const read = isCsv ? csvHandIn(text) : jsonHandIn(text);
	return read.ok
		? { ok: true, fileName: file.name, handIn: read.handIn }
		: { ok: false, fileName: file.name, problem: read.problem, where: read.where };
}

type Read = { ok: true; handIn: HandIn } | { ok: false; problem: string; where?: string };

function jsonHandIn(text: string): Read {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, problem: 'not valid JSON', where: jsonErrorPlace(text, error) };
	}
	return validated(value, (path) => (path.length ? jsonPath(path) : undefined));
}

/** Checks a value against the hand-in schema; `place` turns an issue's path into where it is. */
function validated(value: unknown, place: (path: PropertyKey[]) => string | undefined): Read {
	const shape = value as { format?: unknown; formatVersion?: unknown } | null;
	if (typeof shape !== 'object' || shape === null || shape.format !== HAND_IN_FORMAT)
		return {
			ok: false,
			problem: `not a Sourced results file (it does not say "format": "${HAND_IN_FORMAT}"); a student downloads one from their results page`
		};
	if (typeof shape.formatVersion === 'number' && shape.formatVersion > HAND_IN_VERSION)
		return {
			ok: false,
			problem: `made by a newer version of Sourced (format version ${shape.formatVersion}); this page reads version ${HAND_IN_VERSION}`
		};
	const parsed = handInSchema.safeParse(value);
	if (parsed.success) return { ok: true, handIn: parsed.data };
	const issues = parsed.error.issues;
	const first = issues[0]!;
	const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
	return { ok: false, problem: `${first.message}${more}`, where: place(first.path) };
}

/** `questions[3].score`, the way the pack importer names a place in a file. */
function jsonPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
		.join('');
}

/** "line 3, column 7" from a JSON.parse error that names a position; else nothing. */
function jsonErrorPlace(text: string, error: unknown): string | undefined {
	const message = error instanceof Error ? error.message : '';
	const lineColumn = /line (\d+) column (\d+)/.exec(message);
	if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
	const position = /position (\d+)/.exec(message);
	if (!position) return text.trim() ? undefined : 'the file is empty';
	const before = text.slice(0, Number(position[1]));
	const line = before.split('\n').length;
	return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Columns a CSV hand-in must have for the results page to rebuild the hand-in. */
const required: readonly HandInCsvColumn[] = handInCsvHeader;

function csvHandIn(text: string): Read {
	const csv = parseCsv(text);
	if (!csv.ok)
		return { ok: false, problem: `not valid CSV: ${csv.problem}`, where: `line ${csv.line}` };
	const [header, ...body] = csv.rows.filter((r) => r.fields.some((f) => f !== ''));
	if (!header) return { ok: false, problem: 'the file is empty' };
	const column = new Map(header.fields.map((name, i) => [name.trim(), i]));
	if (!column.has('format')) return validated({}, () => undefined);
	const missing = required.filter((name) => !column.has(name));
	if (missing.length)
		return {
			ok: false,
			problem: `the header lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.join(', ')}`,
			where: 'line 1'
		};
	if (!body.length)
		return { ok: false, problem: 'no question rows under the header', where: 'line 2' };
	const cell = (row: { fields: string[] }, name: HandInCsvColumn) =>
		unguardedText(row.fields[column.get(name)!] ?? '');
	const first = body[0]!;
	const attempt = cell(first, 'attempt_id');
	const stray = body.find((row) => cell(row, 'attempt_id') !== attempt);
	if (stray)
		return {
			ok: false,
			problem: 'rows from two different attempts in one file: hand in one file per attempt',
			where: `line ${stray.line}`
		};

	const questions = body.map((row) => {
		const selfAssessed = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(cell(row, 'self_assessed'));
		return {
			id: cell(row, 'question_id'),
			topic: cell(row, 'topic'),
			kind: cell(row, 'kind'),
			prompt: cell(row, 'prompt'),
			answer: cell(row, 'answer'),
			rightAnswer: cell(row, 'right_answer'),
			response: jsonCell(cell(row, 'response')),
			score: numberCell(cell(row, 'score')),
			verdict: cell(row, 'verdict'),
			...(selfAssessed && {
				selfAssessed: { points: Number(selfAssessed[1]), max: Number(selfAssessed[2]) }
			})
		};
	});
	const topics = new Map<string, { topic: string; title: string; score: number; max: number }>();
	body.forEach((row, i) => {
		const q = questions[i]!;
		if (typeof q.score !== 'number') return;
		const entry = topics.get(q.topic) ?? {
			topic: q.topic,
			title: cell(row, 'topic_title'),
			score: 0,
			max: 0
		};
		entry.score = Math.round((entry.score + q.score) * 1000) / 1000;
		entry.max++;
		topics.set(q.topic, entry);
	});
	const essays = questions.filter((q) => q.kind === 'essay');
	const handIn = {
		format: cell(first, 'format'),
		formatVersion: numberCell(cell(first, 'format_version')),
		student: cell(first, 'student'),
		quiz: {
			title: cell(first, 'quiz'),
			key: cell(first, 'quiz_key'),
			link: cell(first, 'quiz_link'),
			questionIds: cell(first, 'question_ids').split(',').filter(Boolean),
			bankVersion: cell(first, 'bank_version')
		},
		attemptId: attempt,
		mode: cell(first, 'mode'),
		startedAt: cell(first, 'started_at'),
		finishedAt: cell(first, 'finished_at') || null,
		seconds: numberCell(cell(first, 'seconds')),
		score: numberCell(cell(first, 'total_score')),
		maxScore: numberCell(cell(first, 'max_score')),
		percent: numberCell(cell(first, 'percent')),
		byTopic: [...topics.values()],
		selfAssessment: {
			count: essays.length,
			points: essays.reduce((sum, q) => sum + (q.selfAssessed?.points ?? 0), 0),
			max: essays.reduce((sum, q) => sum + (q.selfAssessed?.max ?? 0), 0)
		},
		questions
	};
	return validated(handIn, (path) => csvPlace(path, body, header.fields));
}

/** Where a schema issue sits in the CSV: the question's line and the column, or the first line. */
function csvPlace(
	path: readonly PropertyKey[],
	body: readonly { line: number }[],
	header: readonly string[]
): string {
	if (path[0] === 'questions' && typeof path[1] === 'number') {
		const line = body[path[1]]?.line;
		const field = csvColumnOf[String(path[2])] ?? String(path[2] ?? '');
		return `line ${line}${field && header.includes(field) ? `, column ${field}` : ''}`;
	}
	const key = String(path.at(-1));
	const field = path.length === 1 && key === 'score' ? 'total_score' : csvColumnOf[key];
	return `line ${body[0]?.line ?? 2}${field ? `, column ${field}` : ''}`;
}

/** The CSV column a hand-in field comes from, where the names differ. */
const csvColumnOf: Record<string, HandInCsvColumn> = {
	id: 'question_id',
	rightAnswer: 'right_answer',
	selfAssessed: 'self_assessed',
	formatVersion: 'format_version',
	title: 'quiz',
	key: 'quiz_key',
	link: 'quiz_link',
	questionIds: 'question_ids',
	bankVersion: 'bank_version',
	attemptId: 'attempt_id',
	startedAt: 'started_at',
	finishedAt: 'finished_at',
	maxScore: 'max_score',
	score: 'score',
	student: 'student',
	mode: 'mode',
	seconds: 'seconds',
	percent: 'percent',
	response: 'response',
	verdict: 'verdict',
	kind: 'kind',
	topic: 'topic',
	prompt: 'prompt',
	answer: 'answer',
	format: 'format'
};

/** An empty cell is null; anything else a number, or the text itself so the schema names it. */
function numberCell(text: string): number | string | null {
	if (text.trim() === '') return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : text;
}

/** A response cell: empty is null, otherwise JSON (left as text if it is not, so the schema names it). */
function jsonCell(text: string): unknown {
	if (!text.trim()) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** What the results page reads a file from: a browser File, or anything shaped like one. */
export interface FileLike {
	name: string;
	size: number;
	text(): Promise<string>;
}

/**
 * Reads dropped files as hand-ins, in the browser: up to MAX_HAND_IN_FILES of them (the rest are
 * counted, not read), each refused unread if over MAX_HAND_IN_BYTES. A broken file never stops the others.
 */
export async function readHandInFiles(
	files: readonly FileLike[]
): Promise<{ reads: HandInRead[]; leftOut: number }> {
	const taken = files.slice(0, MAX_HAND_IN_FILES);
	const reads = await Promise.all(
		taken.map(async (file): Promise<HandInRead> => {
			const tooBig = oversizedProblem(file.name, file.size);
			if (tooBig) return tooBig;
			try {
				return readHandIn({ name: file.name, text: await file.text() });
			} catch {
				return { ok: false, fileName: file.name, problem: 'the browser could not read the file' };
			}
		})
	);
	return { reads, leftOut: files.length - taken.length };
}
