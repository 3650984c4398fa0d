import { loadBank } from '../src/lib/content/load';
import { exporters, formatIds } from '../src/lib/export/index';
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

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/**
 * Figure 4: each exporter on a 10,000-question pack. Each run times JSON.stringify of the pack
 * (the serialisation floor) and then the export, so the ratio compares like with like.
 */
export function measureExporters(): Figure[] {
	const bank = loadBank();
	const { pack, validateMs, validatedInPartsOf } = syntheticPack(bank, PACK_SIZE);
	progress(`exporters: ${pack.questions.length} questions, ${formatIds.length} formats`);
	const figures: Figure[] = [];
	const floors: number[] = [];
	const startRss = process.memoryUsage().rss;
	let peakRss = startRss;

	// The SCORM package carries the player the build made, and the sources' texts.
	const kit = packageKitOf(bank);
	for (const id of formatIds) {
		const exporter = exporters[id];
		const options = exporter.needsKit ? { kit } : {};
		progress(`export ${id}`);
		const before = process.memoryUsage();
		const warmStart = performance.now();
		const warm = exporter.render(pack, options);
		const warmMs = performance.now() - warmStart;
		const runs = warmMs > SLOW_MS ? 1 : MAX_RUNS;
		const outputBytes =
			typeof warm.data === 'string' ? Buffer.byteLength(warm.data) : warm.data.length;
		const notes = warm.notes.length;
		const exportMs: number[] = [];
		const stringifyMs: number[] = [];
		let formatPeak = process.memoryUsage().rss;
		for (let run = 0; run < runs; run++) {
			if (run > 0 && exportMs.reduce((a, b) => a + b, 0) > RUN_TIME_MS) break;
			let start = performance.now();
			JSON.stringify(pack);
			stringifyMs.push(performance.now() - start);
			start = performance.now();
			const result = exporter.render(pack, options);
			exportMs.push(performance.now() - start);
			// Sampled while the result is still alive: the closest a sample gets to the peak.
			formatPeak = Math.max(formatPeak, process.memoryUsage().rss);
			if (result.data.length === 0) throw new Error(`${id} produced an empty file`);
		}
		const after = process.memoryUsage();
		peakRss = Math.max(peakRss, formatPeak);
		floors.push(...stringifyMs);

		const ms = median(exportMs);
		const floor = median(stringifyMs);
		const ratio = ms / floor;
		figures.push(
			figure(`export ${id} (${PACK_SIZE.toLocaleString('en-US')} q)`, ms, 'ms', atMost(1000), {
				note: `${ratio.toFixed(1)}× JSON.stringify (${floor.toFixed(0)} ms); median of ${exportMs.length}; ${mb(outputBytes)} MB out; peak RSS ${mb(formatPeak)} MB`,
				details: {
					format: id,
					warmUpMs: warmMs,
					runsMs: exportMs,
					jsonStringifyRunsMs: stringifyMs,
					ratioToJsonStringify: ratio,
					outputBytes,
					conversionNotes: notes,
					memory: {
						rssBefore: before.rss,
						rssAfter: after.rss,
						rssPeakSampled: formatPeak,
						heapUsedBefore: before.heapUsed,
						heapUsedAfter: after.heapUsed
					}
				}
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
	figures.push(
		figure('export: peak RSS while exporting (sampled)', mb(peakRss), 'MB', null, {
			note: `RSS ${mb(startRss)} MB with the pack loaded; process high-water mark ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
			details: {
				rssWithPackLoaded: startRss,
				rssPeakSampled: peakRss,
				maxRssHighWaterMark: process.resourceUsage().maxRSS * 1024
			}
		})
	);
	return figures;
}

await runAsChild(import.meta.url, measureExporters);
