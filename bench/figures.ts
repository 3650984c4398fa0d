/** One measured figure: what the table prints and bench/results.json records. */
export interface Figure {
	figure: string;
	/** Null when the measurement itself could not be done. */
	value: number | null;
	unit: Unit;
	budget: Budget | null;
	/** Null when there is no budget or no value. */
	pass: boolean | null;
	/** One short line printed beside the figure, e.g. "2.8× JSON.stringify". */
	note?: string;
	details?: unknown;
}

/** B: bytes (printed in kB, 1 kB = 1,000 B). score: Lighthouse 0–1. ratio: a multiple. */
export type Unit = 'B' | 'ms' | 's' | 'score' | 'ratio' | 'MB' | 'count' | '';

export interface Budget {
	op: '<=' | '>=';
	value: number;
}

export const atMost = (value: number): Budget => ({ op: '<=', value });
export const atLeast = (value: number): Budget => ({ op: '>=', value });

/** A figure with its pass/fail worked out from the budget. */
export function figure(
	name: string,
	value: number,
	unit: Unit,
	budget: Budget | null = null,
	extra: { note?: string; details?: unknown } = {}
): Figure {
	const pass = budget ? (budget.op === '<=' ? value <= budget.value : value >= budget.value) : null;
	return { figure: name, value, unit, budget, pass, ...extra };
}

/** A figure that could not be measured, with the reason. */
export function unmeasured(name: string, reason: string): Figure {
	return {
		figure: name,
		value: null,
		unit: '',
		budget: null,
		pass: null,
		note: 'NOT MEASURED',
		details: { error: reason }
	};
}

/** Message of anything thrown, for a report line. */
export function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
