import type { Question } from '../content/schema';
import { unhandledKind } from '../content/vocabulary';
import type { Answer } from '../quiz/answers';
import type { Results } from '../quiz/attempt-results';
import { scoreQuestion } from '../quiz/scoring';

// What a SCORM 1.2 LMS is told, as pure functions from the attempt: the data model's formats
// (RTE 3.4) for times, statuses and interactions. Strict LMSs hold responses to the 1.2 rules:
// single characters for choices and sequences, "1.a" pairs for matching, t/f for true-false.

/** A duration as SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS` (hours as many digits as needed, at least four). */
export function scormTimespan(ms: number): string {
	const centis = Math.max(0, Math.round(ms / 10));
	const hours = Math.floor(centis / 360000);
	const minutes = Math.floor(centis / 6000) % 60;
	const seconds = (centis % 6000) / 100;
	return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** A time of day as SCORM 1.2's CMITime, `HH:MM:SS`, in the learner's local time. */
export function scormTime(date: Date): string {
	return [date.getHours(), date.getMinutes(), date.getSeconds()]
		.map((n) => String(n).padStart(2, '0'))
		.join(':');
}

/** The n-th option, item or right-hand text of a question as one response character: a, b, c … */
const letter = (index: number) => String.fromCharCode(97 + index);

/** SCORM 1.2 interaction types by question kind; a written argument is free text, kept out of the score. */
export const interactionTypes = {
	single: 'choice',
	multiple: 'choice',
	'true-false': 'true-false',
	ordering: 'sequencing',
	matching: 'matching',
	essay: 'fill-in'
} as const satisfies Record<Question['kind'], string>;

/** SCORM 1.2 caps a fill-in response (CMIString255): the LMS sees the start of a written answer. */
export const RESPONSE_LIMIT = 255;

/** An answer in SCORM 1.2 response format; '' for no answer. */
export function scormResponse(question: Question, answer: Answer | undefined): string {
	const given = answer?.kind === question.kind ? answer : undefined;
	if (!given) return '';
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			const picked =
				given.kind === 'single' ? [given.choice] : given.kind === 'multiple' ? given.choices : [];
			return question.options
				.flatMap((o, i) => (picked.includes(o.id) ? [letter(i)] : []))
				.join(',');
		}
		case 'true-false':
			return given.kind === 'true-false' ? (given.value ? 't' : 'f') : '';
		case 'ordering': {
			const ids = question.items.map((i) => i.id);
			return given.kind === 'ordering'
				? given.order.flatMap((id) => (ids.includes(id) ? [letter(ids.indexOf(id))] : [])).join(',')
				: '';
		}
		case 'matching': {
			const ids = question.pairs.map((p) => p.id);
			if (given.kind !== 'matching') return '';
			return question.pairs
				.flatMap((p, i) => {
					const right = ids.indexOf(given.matches[p.id] ?? '');
					return right < 0 ? [] : [`${i + 1}.${letter(right)}`];
				})
				.join(',');
		}
		case 'essay': {
			const text = given.kind === 'essay' ? given.text.replace(/\s+/g, ' ').trim() : '';
			return text.length <= RESPONSE_LIMIT ? text : `${text.slice(0, RESPONSE_LIMIT - 1)}…`;
		}
		default:
			return unhandledKind(question);
	}
}

/** The correct response in SCORM 1.2 format; undefined for a written argument, which has none. */
export function scormCorrectPattern(question: Question): string | undefined {
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return question.options.flatMap((o, i) => (o.correct ? [letter(i)] : [])).join(',');
		case 'true-false':
			return question.answer ? 't' : 'f';
		case 'ordering':
			return question.items.map((_, i) => letter(i)).join(',');
		case 'matching':
			return question.pairs.map((_, i) => `${i + 1}.${letter(i)}`).join(',');
		case 'essay':
			return undefined;
		default:
			return unhandledKind(question);
	}
}

/**
 * An answer's result: `correct`, `wrong`, the share of the mark as a decimal for partial credit
 * (`0.67`), or `neutral` for a written argument, which the machine does not mark.
 */
export function scormResult(question: Question, answer: Answer | undefined): string {
	const score = scoreQuestion(question, answer);
	if (score === null) return 'neutral';
	if (score >= 1 - 1e-9) return 'correct';
	if (score <= 1e-9) return 'wrong';
	return String(Math.round(score * 100) / 100);
}

/** The fields of `cmi.interactions.n` that describe the question, written once per attempt. */
export function interactionDefinition(question: Question): Record<string, string> {
	const pattern = scormCorrectPattern(question);
	return {
		id: question.id,
		type: interactionTypes[question.kind],
		// A written argument carries no weight: it is kept out of the score.
		weighting: question.kind === 'essay' ? '0' : '1',
		...(pattern === undefined ? {} : { 'correct_responses.0.pattern': pattern })
	};
}

/** The fields of `cmi.interactions.n` that record an answer. */
export function interactionAnswer(
	question: Question,
	answer: Answer | undefined,
	latencyMs: number,
	at: Date
): Record<string, string> {
	return {
		student_response: scormResponse(question, answer),
		result: scormResult(question, answer),
		latency: scormTimespan(latencyMs),
		time: scormTime(at)
	};
}

/** A pass mark (0–100) given as text, e.g. the LMS's `cmi.student_data.mastery_score`; undefined if none. */
export function parsePassMark(value: string | null | undefined): number | undefined {
	if (value === null || value === undefined || value.trim() === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/**
 * The lesson status of a submitted attempt: passed or failed against the pass mark, or completed
 * when there is none (or nothing in the quiz is marked).
 */
export function finishedStatus(
	results: Pick<Results, 'score' | 'max'>,
	passMark: number | undefined
): 'passed' | 'failed' | 'completed' {
	if (passMark === undefined || results.max === 0) return 'completed';
	return percentOf(results) >= passMark ? 'passed' : 'failed';
}

/** The score as a percentage, to two decimals. */
const percentOf = (results: Pick<Results, 'score' | 'max'>) =>
	Math.round((results.score / results.max) * 10000) / 100;

/** The score fields of a submitted attempt: the percentage, out of 0–100; none if nothing is marked. */
export function scoreFields(results: Pick<Results, 'score' | 'max'>): Record<string, string> {
	if (results.max === 0) return {};
	return {
		'cmi.core.score.raw': String(percentOf(results)),
		'cmi.core.score.min': '0',
		'cmi.core.score.max': '100'
	};
}
