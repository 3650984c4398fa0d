import { rmSync } from 'node:fs';
import { loadBank } from '../src/lib/content/load';
import type { Bank } from '../src/lib/content/schema';
import { runAsChild, scratchDir } from './child';
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

/**
 * Figure 5: `loadBank` (read the YAML, validate with zod, anchor every citation in its source) on
 * content folders of 2,500, 5,000 and 10,000 questions, to show the time and how it grows.
 */
export function measureContent(): Figure[] {
	const real = timed(() => loadBank('questions'));
	const perSize: { size: number; ms: number; runsMs: number[]; yamlBytes: number }[] = [];
	let counts = citationCounts(real.result);
	for (const size of SIZES) {
		progress(`content: loadBank on ${count(size)} questions`);
		const { dir, yamlBytes } = writeSyntheticContent(size, 'questions', scratchDir());
		try {
			const runsMs: number[] = [];
			for (let run = 0; run < RUNS; run++) {
				const { ms, result } = timed(() => loadBank(dir));
				if (result.questions.length !== size)
					throw new Error(`loadBank read ${result.questions.length} questions, not ${size}`);
				runsMs.push(ms);
				if (size === SIZES[SIZES.length - 1]) counts = citationCounts(result);
			}
			perSize.push({ size, ms: median(runsMs), runsMs, yamlBytes });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	const perThousand = (p: (typeof perSize)[number]) => (p.ms / p.size) * 1000;
	const first = perSize[0]!;
	const last = perSize[perSize.length - 1]!;
	const figures = perSize.map((p) =>
		figure(
			`content: loadBank ${count(p.size)} questions`,
			p.ms,
			'ms',
			p === last ? atMost(2000) : null,
			{
				note: `${perThousand(p).toFixed(0)} ms per 1,000 questions; ${(p.yamlBytes / 1e6).toFixed(1)} MB of YAML; median of ${RUNS}`,
				details: { runsMs: p.runsMs, yamlBytes: p.yamlBytes }
			}
		)
	);
	figures.push(
		figure(
			`content: time ratio ${count(last.size)} / ${count(first.size)} questions`,
			last.ms / first.ms,
			'ratio',
			null,
			{
				note: `${last.size / first.size}× the questions: linear growth gives about ${last.size / first.size}×, quadratic ${(last.size / first.size) ** 2}×`,
				details: {
					realBank: { questions: real.result.questions.length, ms: real.ms },
					citationsAt10000: counts.citations,
					distinctQuotationsAt10000: counts.distinct,
					why: 'the synthetic questions repeat the real quotations, so SourceText locates each distinct quotation once (its memo) and finds the rest in the memo'
				}
			}
		)
	);
	return figures;
}

await runAsChild(import.meta.url, measureContent);
