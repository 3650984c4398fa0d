import { figure, type Figure } from './figures';
import { median } from './stats';

// How fast the machine was while the bench ran. On a shared VM the host's other guests slow every
// timing without showing in this machine's load (Lighthouse's own CPU benchmark moved between about
// 1,000 and 2,900 within a morning, nothing else running here), so the bench times the same fixed
// work at its start and at its end: runs are comparable when these two figures are alike.

/** The same work every time, single-threaded JavaScript: building, serialising and reading back objects, and sorting. */
function fixedWork(): number {
	const rows = Array.from({ length: 20_000 }, (_, i) => ({
		id: `q-${i}`,
		text: `Question ${i} quotes “passage ${i % 97}” from source ${i % 5}.`,
		marks: [i % 3, i % 7, i % 11]
	}));
	const back = JSON.parse(JSON.stringify(rows)) as typeof rows;
	const keys = back.map((row) => row.text).sort();
	return keys.length + back.length;
}

/** Milliseconds of `fixedWork`, the median of seven runs after one to warm up. */
export function machineSpeed(when: 'start' | 'end'): Figure {
	fixedWork();
	const runs: number[] = [];
	for (let i = 0; i < 7; i++) {
		const started = performance.now();
		fixedWork();
		runs.push(performance.now() - started);
	}
	return figure(`machine: fixed CPU work, at the ${when}`, median(runs), 'ms', null, {
		note: 'the same work each run (no budget): timings of runs are comparable when this is alike',
		details: { runsMs: runs }
	});
}
