/**
 * npm run bench: builds the site, measures it, prints a table and writes bench/results.json.
 * A measurement, not a test: a budget that fails still exits 0; a figure that could not be
 * measured exits 1 and says why. See bench/README.md for what each figure and budget means.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { findChromium } from '../scripts/chromium.js';
import { buildSite, buildVersion } from './build';
import { measureBuilderTyping } from './builder';
import { measureBytes } from './bytes';
import { measureInChild } from './child';
import { figure, reasonOf, unmeasured, type Figure } from './figures';
import { measureInteraction } from './interaction';
import { measureLighthouse } from './lighthouse';
import { progress } from './log';
import { machineSpeed } from './machine';
import { startPreview } from './server';
import { renderTable } from './table';

const RESULTS = 'bench/results.json';

const started = performance.now();
const figures: Figure[] = [];
const problems: string[] = [];

/** Runs one group of figures; if it cannot be measured, records why and carries on with the rest. */
async function measure(name: string, run: () => Figure[] | Promise<Figure[]>): Promise<boolean> {
	try {
		figures.push(...(await run()));
		return true;
	} catch (error) {
		problems.push(`${name}: ${reasonOf(error)}`);
		figures.push(unmeasured(name, reasonOf(error)));
		return false;
	}
}

/** A Chromium for Lighthouse and Playwright; like the e2e tests, installs Debian's package if it can. */
async function chromiumPath(): Promise<string> {
	const found = await findChromium();
	if (found) return found;
	spawnSync(process.execPath, ['scripts/chromium.js'], { stdio: 'inherit' });
	const installed = await findChromium();
	if (!installed)
		throw new Error('no Chromium: set CHROME_PATH, or install one ("apt-get install chromium")');
	return installed;
}

figures.push(machineSpeed('start'));
progress('building the site (npm run build)');
const built = await measure('build', async () => [await buildSite()]);
const version = buildVersion();

if (built) {
	progress('bytes of each page’s first visit');
	await measure('bytes', () => measureBytes('build'));

	let chromePath: string | undefined;
	const browser = await measure('chromium', async () => {
		chromePath = await chromiumPath();
		return [];
	});
	if (browser && chromePath) {
		const browserPath = chromePath;
		let server: Awaited<ReturnType<typeof startPreview>> | undefined;
		const serving = await measure('vite preview', async () => {
			server = await startPreview();
			progress(`serving build/ at ${server.url} (vite preview, PID ${server.pid})`);
			return [];
		});
		if (serving && server) {
			const { url } = server;
			try {
				await measure('lighthouse', () => measureLighthouse(url, browserPath));
				progress('interaction: timing Check in a 50-question practice quiz');
				await measure('interaction', () => measureInteraction(url, browserPath));
				progress('builder: typing in a pack at the limits (1,000 questions, 4.96 MB)');
				await measure('builder', () => measureBuilderTyping(url, browserPath));
			} finally {
				await server.stop();
				progress(`stopped vite preview (PID ${server.pid})`);
			}
		}
	}
	if (buildVersion() !== version)
		problems.push(
			'build/ was replaced by another build while the bench measured it (its version stamp changed): the bytes, Lighthouse and interaction figures may mix two builds; run again'
		);
} else {
	problems.push('bytes, lighthouse, interaction: not measured, because the build failed');
}

progress('exporters at scale (separate Node process)');
await measure('exporters', () => measureInChild('bench/exporters.ts'));
progress('content pipeline at scale (separate Node process)');
await measure('content', () => measureInChild('bench/content.ts'));
progress('class results: 300 hand-ins read and analysed (separate Node process)');
await measure('class results', () => measureInChild('bench/class-results.ts'));

figures.push(machineSpeed('end'));
const seconds = (performance.now() - started) / 1000;
figures.push(
	figure('bench: total time', seconds, 's', null, {
		details: {
			date: new Date().toISOString(),
			node: process.version,
			platform: `${process.platform} ${process.arch}`
		}
	})
);

writeFileSync(RESULTS, `${JSON.stringify(figures, null, '\t')}\n`);
const failing = figures.filter((f) => f.pass === false).length;
process.stdout.write(`\n${renderTable(figures)}\n\n`);
process.stdout.write(
	`kB = 1,000 bytes; gzip = Node zlib level 9, each file on its own. Written to ${RESULTS}.\n`
);
process.stdout.write(
	`${figures.filter((f) => f.pass !== null).length} figures with a budget, ${failing} over budget; ${seconds.toFixed(0)} s in all.\n`
);
if (problems.length) {
	process.stdout.write(
		`\nCould not measure everything:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`
	);
	process.exitCode = 1;
}
