import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadBank } from '../src/lib/content/load';
import { exporters, formatIds, type FormatId } from '../src/lib/export/index';
import { packageKitOf } from '../src/lib/server/package-kit';
import { runAsChild } from './child';
import { atMost, figure, type Figure } from './figures';
import { progress } from './log';
import { median } from './stats';
import { syntheticPack } from './synthetic';

export const PACK_SIZE = 10_000;
/** Timed runs per format after a warm-up run: up to 5, fewer once 10 s of runs are spent. */
const MAX_RUNS = 5;
const RUN_TIME_MS = 10_000;
/** A format whose warm-up alone takes longer than this gets a single timed run. */
const SLOW_MS = 5_000;
/** Each export: at most this long, and at most this many times JSON.stringify of the same pack. */
const BUDGET_MS = 1000;
const BUDGET_RATIO = 6;
/** Peak RSS while exporting, whichever format. */
const BUDGET_RSS_MB = 600;

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/** A full garbage collection, so that each export starts from the live data alone. */
function collectGarbage(): () => void {
	setFlagsFromString('--expose-gc');
	return runInNewContext('gc') as () => void;
}

/**
 * The kernel's high-water mark of this process's RSS, reset to the current RSS (Linux, where
 * writing 5 to /proc/self/clear_refs resets VmHWM), or undefined where there is none to reset.
 */
function rssHighWater(): { reset(): void; peak(): number } | undefined {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		const peak = () => {
			const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
			if (!kb) throw new Error('no VmHWM in /proc/self/status');
			return Number(kb) * 1024;
		};
		peak();
		return { reset: () => writeFileSync('/proc/self/clear_refs', '5'), peak };
	} catch {
		return undefined;
	}
}

/** Wall and CPU milliseconds (every thread: the collector's helpers too) of a synchronous call. */
function timed<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const result = run();
	const ms = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

/**
 * Figure 4: each exporter on a 10,000-question pack. Each run times JSON.stringify of the pack
 * (the serialisation floor) and then the export, so the ratio compares like with like. The peak
 * RSS is the kernel's high-water mark over one export that starts after a full collection.
 */
export function measureExporters(): Figure[] {
	const gc = collectGarbage();
	const highWater = rssHighWater();
	const bank = loadBank();
	const { pack, validateMs, validatedInPartsOf } = syntheticPack(bank, PACK_SIZE);
	progress(`exporters: ${pack.questions.length} questions, ${formatIds.length} formats`);
	const figures: Figure[] = [];
	const floors: number[] = [];
	gc();
	const startRss = process.memoryUsage().rss;
	const peaks = new Map<FormatId, number>();

	// The SCORM package carries the player the build made, and the sources' texts.
	const kit = packageKitOf(bank);
	for (const id of formatIds) {
		const exporter = exporters[id];
		const options = exporter.needsKit ? { kit } : {};
		progress(`export ${id}`);
		gc();
		const before = process.memoryUsage();
		highWater?.reset();
		const warm = timed(() => exporter.render(pack, options));
		// Without a high-water mark to read, a sample while the result is alive is the closest to it.
		const peakRss = highWater ? highWater.peak() : process.memoryUsage().rss;
		peaks.set(id, peakRss);
		const runs = warm.ms > SLOW_MS ? 1 : MAX_RUNS;
		const data = warm.result.data;
		const outputBytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
		const notes = warm.result.notes.length;
		const exports: { ms: number; cpuMs: number }[] = [];
		const floorRuns: { ms: number; cpuMs: number }[] = [];
		for (let run = 0; run < runs; run++) {
			if (run > 0 && exports.reduce((sum, e) => sum + e.ms, 0) > RUN_TIME_MS) break;
			gc();
			floorRuns.push(timed(() => JSON.stringify(pack)));
			gc();
			const exported = timed(() => exporter.render(pack, options));
			exports.push(exported);
			if (exported.result.data.length === 0) throw new Error(`${id} produced an empty file`);
		}
		const after = process.memoryUsage();
		floors.push(...floorRuns.map((r) => r.ms));

		const ms = median(exports.map((e) => e.ms));
		const cpuMs = median(exports.map((e) => e.cpuMs));
		const floor = median(floorRuns.map((r) => r.ms));
		const floorCpu = median(floorRuns.map((r) => r.cpuMs));
		const ratio = ms / floor;
		const cpuRatio = cpuMs / floorCpu;
		const name = `export ${id} (${PACK_SIZE.toLocaleString('en-US')} q)`;
		figures.push(
			figure(name, ms, 'ms', atMost(BUDGET_MS), {
				note: `median of ${exports.length}; CPU ${cpuMs.toFixed(0)} ms; ${mb(outputBytes)} MB out; peak RSS ${mb(peakRss)} MB (${mb(before.rss)} MB before it)`,
				details: {
					format: id,
					warmUpMs: warm.ms,
					runsMs: exports.map((e) => e.ms),
					runsCpuMs: exports.map((e) => e.cpuMs),
					jsonStringifyRunsMs: floorRuns.map((r) => r.ms),
					jsonStringifyRunsCpuMs: floorRuns.map((r) => r.cpuMs),
					ratioToJsonStringify: ratio,
					cpuRatioToJsonStringify: cpuRatio,
					outputBytes,
					conversionNotes: notes,
					memory: {
						rssBefore: before.rss,
						rssAfter: after.rss,
						rssPeak: peakRss,
						rssPeakIs: highWater ? 'high-water mark' : 'sampled',
						heapUsedBefore: before.heapUsed,
						heapUsedAfter: after.heapUsed
					}
				}
			}),
			figure(`${name}: ÷ JSON.stringify`, ratio, 'ratio', atMost(BUDGET_RATIO), {
				note: `JSON.stringify ${floor.toFixed(0)} ms in the same runs; by CPU time ${cpuRatio.toFixed(1)}× (${cpuMs.toFixed(0)} / ${floorCpu.toFixed(0)} ms)`
			})
		);
	}
	const floor = median(floors);
	figures.unshift(
		figure(
			`export floor: JSON.stringify (${PACK_SIZE.toLocaleString('en-US')} q)`,
			floor,
			'ms',
			null,
			{
				note: `median of ${floors.length} runs; ${mb(Buffer.byteLength(JSON.stringify(pack)))} MB`
			}
		),
		figure('export: packSchema validation of the pack', validateMs, 'ms', null, {
			note: validatedInPartsOf
				? `packSchema caps a pack at ${validatedInPartsOf.toLocaleString('en-US')} questions: checked in parts of that size`
				: 'once, before the exports',
			details: { validatedInPartsOf }
		})
	);
	const [worst, peakRss] = [...peaks].reduce((a, b) => (b[1] > a[1] ? b : a));
	figures.push(
		figure(
			`export: peak RSS while exporting${highWater ? '' : ' (sampled)'}`,
			mb(peakRss),
			'MB',
			atMost(BUDGET_RSS_MB),
			{
				note: `highest: ${worst}; RSS ${mb(startRss)} MB with the pack loaded; ${highWater ? 'the kernel’s high-water mark over one export after a full collection' : 'sampled after each export (no /proc/self/clear_refs here)'}`,
				details: {
					rssWithPackLoaded: startRss,
					rssPeakByFormat: Object.fromEntries(peaks),
					rssPeakIs: highWater ? 'high-water mark' : 'sampled',
					maxRssHighWaterMark: process.resourceUsage().maxRSS * 1024
				}
			}
		)
	);
	return figures;
}

await runAsChild(import.meta.url, measureExporters);
