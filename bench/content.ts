import { rmSync } from 'node:fs';
import { loadBank } from '../src/lib/content/load';
import type { Bank } from '../src/lib/content/schema';
import { runAsChild, scratchDir } from './child';
import { writeDistinctQuotationContent } from './distinct-quotations';
import { atMost, figure, type Figure } from './figures';
import { progress } from './log';
import { median, timed } from './stats';
import { writeSyntheticContent } from './synthetic';

export const SIZES = [2_500, 5_000, 10_000] as const;
const RUNS = 3;

const count = (n: number) => n.toLocaleString('en-US');

/** Citations in a bank, and how many distinct quotations they are (each is located once per source). */
function citationCounts(bank: Bank) {
	const citations = bank.questions.flatMap((q) => q.citations);
	const distinct = new Set(
		citations.map(
			(c) => `${c.source}\u0000${c.prefix ?? ''}\u0000${c.exact}\u0000${c.suffix ?? ''}`
		)
	);
	return { citations: citations.length, distinct: distinct.size };
}

/** One size of a series: the median wall time, each run's wall and CPU time, and what was read. */
interface Measured {
	size: number;
	ms: number;
	cpuMs: number;
	runsMs: number[];
	cpuRunsMs: number[];
	yamlBytes: number;
	sourceChars?: number;
	citations: number;
	distinct: number;
}

/** `loadBank` on a content folder of each size, written by `write` and removed afterwards. */
function measureSeries(
	label: string,
	write: (size: number) => { dir: string; yamlBytes: number; sourceChars?: number }
): Measured[] {
	return SIZES.map((size) => {
		progress(`content: loadBank on ${count(size)} questions, ${label}`);
		const { dir, yamlBytes, sourceChars } = write(size);
		try {
			const runsMs: number[] = [];
			// CPU time beside wall time: on a shared, busy machine the wall time mostly measures the wait.
			const cpuRunsMs: number[] = [];
			let counts = { citations: 0, distinct: 0 };
			for (let run = 0; run < RUNS; run++) {
				const cpu = process.cpuUsage();
				const { ms, result } = timed(() => loadBank(dir));
				const used = process.cpuUsage(cpu);
				if (result.questions.length !== size)
					throw new Error(`loadBank read ${result.questions.length} questions, not ${size}`);
				runsMs.push(ms);
				cpuRunsMs.push((used.user + used.system) / 1000);
				counts = citationCounts(result);
			}
			const ms = median(runsMs);
			const cpuMs = median(cpuRunsMs);
			return { size, ms, cpuMs, runsMs, cpuRunsMs, yamlBytes, sourceChars, ...counts };
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
}

/** A series' figures, named by `name` ("10,000 questions"): one per size (the budget on the largest) and the ratio of the largest to the smallest. */
function seriesFigures(
	name: (size: string) => string,
	series: Measured[],
	why: string,
	extraDetails: Record<string, unknown> = {}
): Figure[] {
	const perThousand = (p: Measured) => (p.ms / p.size) * 1000;
	const first = series[0]!;
	const last = series[series.length - 1]!;
	const figures = series.map((p) =>
		figure(
			`content: loadBank ${name(count(p.size))}`,
			p.ms,
			'ms',
			p === last ? atMost(2000) : null,
			{
				note: [
					`${perThousand(p).toFixed(0)} ms per 1,000 questions`,
					`CPU time ${p.cpuMs.toFixed(0)} ms`,
					`${count(p.distinct)} distinct of ${count(p.citations)} quotations`,
					`${(p.yamlBytes / 1e6).toFixed(1)} MB of YAML`,
					...(p.sourceChars ? [`source ${(p.sourceChars / 1e6).toFixed(2)} M characters`] : []),
					`median of ${RUNS}`
				].join('; '),
				details: {
					runsMs: p.runsMs,
					cpuRunsMs: p.cpuRunsMs,
					yamlBytes: p.yamlBytes,
					sourceChars: p.sourceChars,
					citations: p.citations,
					distinctQuotations: p.distinct
				}
			}
		)
	);
	const growth = last.size / first.size;
	figures.push(
		figure(
			`content: time ratio ${name(`${count(last.size)} / ${count(first.size)}`)}`,
			last.ms / first.ms,
			'ratio',
			null,
			{
				note: `${growth}× the questions: linear growth gives about ${growth}×, quadratic ${growth ** 2}×; CPU time ratio ${(last.cpuMs / first.cpuMs).toFixed(2)}×`,
				details: { cpuRatio: last.cpuMs / first.cpuMs, why, ...extraDetails }
			}
		)
	);
	return figures;
}

/**
 * Figure 5: `loadBank` (read the YAML, validate with zod, anchor every citation in its source) on
 * content folders of 2,500, 5,000 and 10,000 questions, to show the time and how it grows: once with
 * the real quotations repeated (the anchor's memo answers the repeats), once with as many distinct
 * quotations as questions, in a synthetic source that grows with them (the memo cannot answer).
 */
export function measureContent(): Figure[] {
	const real = timed(() => loadBank('questions'));
	const repeated = measureSeries('quotations repeated', (size) =>
		writeSyntheticContent(size, 'questions', scratchDir())
	);
	const distinct = measureSeries('distinct quotations', (size) =>
		writeDistinctQuotationContent(size, 'questions', scratchDir())
	);
	return [
		...seriesFigures(
			(size) => `${size} questions`,
			repeated,
			'the synthetic questions repeat the real quotations, so SourceText locates each distinct quotation once (its memo) and finds the rest in the memo',
			{ realBank: { questions: real.result.questions.length, ms: real.ms } }
		),
		...seriesFigures(
			(size) => `${size} distinct quotations`,
			distinct,
			'each question’s first citation quotes its own passage of a synthetic source made of the real texts and one generated passage per question, so the source grows with the questions and each of those quotations is located on its own'
		)
	];
}

await runAsChild(import.meta.url, measureContent);
