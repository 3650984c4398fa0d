import { csvDocument } from '../text/csv';
import type { ClassResults } from './class-results';

/**
 * The class as a spreadsheet: one row per student, one column per marked question (its score from 0
 * to 1, empty where the student's quiz did not have it), after the student's totals and time.
 */
export function classCsv(results: ClassResults): string {
	const ids = results.items.map((i) => i.questionId);
	const header = ['student', 'file', 'score', 'max_score', 'percent', 'seconds', ...ids];
	const rows = results.students.map((s) => {
		const scores = new Map(s.answers.map((a) => [a.questionId, a.score]));
		return [
			s.student,
			s.fileName,
			round(s.score),
			s.max,
			round(s.percent),
			s.seconds ?? '',
			...ids.map((id) => {
				const score = scores.get(id);
				return score === undefined || score === null ? '' : round(score);
			})
		];
	});
	return csvDocument(header, rows);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
