import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadBank } from '../src/lib/content/load';
import { exporters, formatIds, type FormatId } from '../src/lib/export/index';
import { packageKitOf } from '../src/lib/server/package-kit';
import { measureInChild, runAsChild } from './child';
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

/** What one format's process reports beside its two figures, for the summary rows. */
interface FormatDetails {
	format: FormatId;
	jsonStringifyRunsMs: number[];
	jsonStringifyBytes: number;
	validateMs: number;
	validatedInPartsOf?: number;
	memory: { rssWithPackLoaded: number; rssPeak: number; rssPeakIs: string } & Record<
		string,
		unknown
	>;
}

/**
 * Figure 4 for one format, in a process of its own (an instructor exports one format at a time, so
 * no format's garbage counts against another's memory): the 10,000-question pack, then the export.
 * Each run times JSON.stringify of the pack (the serialisation floor) and then the export, so the
 * ratio compares like with like. The peak RSS is the kernel's high-water mark over the warm-up
 * export, which starts after a full collection.
 */
export function measureFormat(id: FormatId): Figure[] {
	const gc = collectGarbage();
	const highWater = rssHighWater();
	const bank = loadBank();
	const { pack, validateMs, validatedInPartsOf } = syntheticPack(bank, PACK_SIZE);
	const exporter = exporters[id];
	// The SCORM package carries the player the build made, and the sources' texts.
	const options = exporter.needsKit ? { kit: packageKitOf(bank) } : {};
	gc();
	const before = process.memoryUsage();
	highWater?.reset();
	// The warm-up's file is let go before the timed runs, as a download lets it go.
	const warm = (() => {
		const { ms, result } = timed(() => exporter.render(pack, options));
		// Without a high-water mark to read, a sample while the result is alive is the closest to it.
		const peakRss = highWater ? highWater.peak() : process.memoryUsage().rss;
		const data = result.data;
		const outputBytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
		return { ms, peakRss, outputBytes, notes: result.notes.length };
	})();
	const { peakRss, outputBytes, notes } = warm;
	const runs = warm.ms > SLOW_MS ? 1 : MAX_RUNS;
	const exports: { ms: number; cpuMs: number }[] = [];
	const floorRuns: { ms: number; cpuMs: number }[] = [];
	for (let run = 0; run < runs; run++) {
		if (run > 0 && exports.reduce((sum, e) => sum + e.ms, 0) > RUN_TIME_MS) break;
		gc();
		floorRuns.push(timed(() => JSON.stringify(pack).length));
		gc();
		const exported = timed(() => exporter.render(pack, options).data.length);
		exports.push(exported);
		if (exported.result === 0) throw new Error(`${id} produced an empty file`);
	}
	const after = process.memoryUsage();

	const ms = median(exports.map((e) => e.ms));
	const cpuMs = median(exports.map((e) => e.cpuMs));
	const floor = median(floorRuns.map((r) => r.ms));
	const floorCpu = median(floorRuns.map((r) => r.cpuMs));
	const ratio = ms / floor;
	const cpuRatio = cpuMs / floorCpu;
	const name = `export ${id} (${PACK_SIZE.toLocaleString('en-US')} q)`;
	const details: FormatDetails & Record<string, unknown> = {
		format: id,
		warmUpMs: warm.ms,
		runsMs: exports.map((e) => e.ms),
		runsCpuMs: exports.map((e) => e.cpuMs),
		jsonStringifyRunsMs: floorRuns.map((r) => r.ms),
		jsonStringifyRunsCpuMs: floorRuns.map((r) => r.cpuMs),
		jsonStringifyBytes: Buffer.byteLength(JSON.stringify(pack)),
		ratioToJsonStringify: ratio,
		cpuRatioToJsonStringify: cpuRatio,
		outputBytes,
		conversionNotes: notes,
		validateMs,
		validatedInPartsOf,
		memory: {
			rssWithPackLoaded: before.rss,
			rssAfter: after.rss,
			rssPeak: peakRss,
			rssPeakIs: highWater ? 'high-water mark' : 'sampled',
			heapUsedBefore: before.heapUsed,
			heapUsedAfter: after.heapUsed,
			maxRssOfProcess: process.resourceUsage().maxRSS * 1024
		}
	};
	return [
		figure(name, ms, 'ms', atMost(BUDGET_MS), {
			note: `median of ${exports.length}; CPU ${cpuMs.toFixed(0)} ms; ${mb(outputBytes)} MB out; peak RSS ${mb(peakRss)} MB (${mb(before.rss)} MB with the pack loaded)`,
			details
		}),
		figure(`${name}: ÷ JSON.stringify`, ratio, 'ratio', atMost(BUDGET_RATIO), {
			note: `JSON.stringify ${floor.toFixed(0)} ms in the same runs; by CPU time ${cpuRatio.toFixed(1)}× (${cpuMs.toFixed(0)} / ${floorCpu.toFixed(0)} ms)`
		})
	];
}

/**
 * Figure 4: each exporter on a 10,000-question pack, each format measured by `measureFormat` in a
 * Node process of its own; then the floor (JSON.stringify over every format's runs) and the
 * highest peak RSS.
 */
export async function measureExporters(): Promise<Figure[]> {
	progress(
		`exporters: ${PACK_SIZE} questions, ${formatIds.length} formats, each in its own process`
	);
	const figures: Figure[] = [];
	const floors: number[] = [];
	const reported: FormatDetails[] = [];
	for (const id of formatIds) {
		progress(`export ${id}`);
		const measured = await measureInChild('bench/exporters.ts', ['--format', id]);
		const details = measured[0]?.details as FormatDetails | undefined;
		if (!details) throw new Error(`the ${id} process reported no figures`);
		reported.push(details);
		floors.push(...details.jsonStringifyRunsMs);
		figures.push(...measured);
	}
	const first = reported[0]!;
	const floor = median(floors);
	figures.unshift(
		figure(
			`export floor: JSON.stringify (${PACK_SIZE.toLocaleString('en-US')} q)`,
			floor,
			'ms',
			null,
			{ note: `median of ${floors.length} runs; ${mb(first.jsonStringifyBytes)} MB` }
		),
		figure('export: packSchema validation of the pack', first.validateMs, 'ms', null, {
			note: first.validatedInPartsOf
				? `packSchema caps a pack at ${first.validatedInPartsOf.toLocaleString('en-US')} questions: checked in parts of that size`
				: 'once, before the exports',
			details: { validatedInPartsOf: first.validatedInPartsOf }
		})
	);
	const worst = reported.reduce((a, b) => (b.memory.rssPeak > a.memory.rssPeak ? b : a));
	const sampled = worst.memory.rssPeakIs !== 'high-water mark';
	figures.push(
		figure(
			`export: peak RSS while exporting${sampled ? ' (sampled)' : ''}`,
			mb(worst.memory.rssPeak),
			'MB',
			atMost(BUDGET_RSS_MB),
			{
				note: `highest: ${worst.format}, in a process of its own with the pack loaded at ${mb(worst.memory.rssWithPackLoaded)} MB; ${reported.map((r) => `${r.format} ${mb(r.memory.rssPeak)}`).join(', ')} MB; ${sampled ? 'sampled after each export (no /proc/self/clear_refs here)' : 'the kernel’s high-water mark over one export after a full collection'}`,
				details: {
					rssWithPackLoadedByFormat: Object.fromEntries(
						reported.map((r) => [r.format, r.memory.rssWithPackLoaded])
					),
					rssPeakByFormat: Object.fromEntries(reported.map((r) => [r.format, r.memory.rssPeak])),
					rssPeakIs: worst.memory.rssPeakIs
				}
			}
		)
	);
	return figures;
}

/** `--format <id>`: that format alone; otherwise every format, each in a process of its own. */
function formatArgument(): FormatId | undefined {
	const at = process.argv.indexOf('--format');
	if (at < 0) return undefined;
	const id = process.argv[at + 1] as FormatId;
	if (!formatIds.includes(id)) throw new Error(`--format: one of ${formatIds.join(', ')}`);
	return id;
}

await runAsChild(import.meta.url, () => {
	const id = formatArgument();
	return id ? measureFormat(id) : measureExporters();
});
