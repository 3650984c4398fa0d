import type { Budget, Figure, Unit } from './figures';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A value in its unit for people: bytes in kB (1 kB = 1,000 B), scores to two places. */
export function formatValue(value: number, unit: Unit): string {
	switch (unit) {
		case 'B':
			return `${(value / 1000).toFixed(1)} kB`;
		case 'ms':
			return `${value < 100 ? value.toFixed(1) : grouped.format(value)} ms`;
		case 's':
			return `${value.toFixed(2)} s`;
		case 'score':
			return value.toFixed(2);
		case 'ratio':
			return `${value.toFixed(2)}×`;
		case 'MB':
			return `${value.toFixed(1)} MB`;
		case 'count':
			return grouped.format(value);
		default:
			return value.toFixed(3);
	}
}

function formatBudget(budget: Budget | null, unit: Unit): string {
	if (!budget) return '—';
	return `${budget.op === '<=' ? '≤' : '≥'} ${formatValue(budget.value, unit)}`;
}

function verdict(f: Figure): string {
	if (f.value === null) return 'ERROR';
	if (f.pass === null) return '—';
	return f.pass ? 'PASS' : 'FAIL';
}

/** The figures as an aligned plain-text table: figure, value, budget, PASS/FAIL, note. */
export function renderTable(figures: readonly Figure[]): string {
	const rows = figures.map((f) => [
		f.figure,
		f.value === null ? 'n/a' : formatValue(f.value, f.unit),
		formatBudget(f.budget, f.unit),
		verdict(f),
		f.note ?? ''
	]);
	const header = ['figure', 'value', 'budget', 'result', 'note'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
