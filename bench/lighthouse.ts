import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../scripts/chromium.js';
import { stopOnExit } from './cleanup';
import { atLeast, atMost, figure, type Budget, type Figure } from './figures';
import { progress } from './log';

export const LIGHTHOUSE_PAGES = [
	{ name: 'home', path: '/' },
	{ name: 'quiz', path: '/quiz?topic=compensation&mode=practice&seed=bench' },
	{ name: 'source', path: '/sources/ars-technica-2024-11-27' },
	{ name: 'instructor', path: '/instructor' }
];

const CATEGORIES: { id: string; label: string; budget: Budget }[] = [
	{ id: 'performance', label: 'performance', budget: atLeast(0.98) },
	{ id: 'accessibility', label: 'accessibility', budget: atLeast(1) },
	{ id: 'best-practices', label: 'best practices', budget: atLeast(1) },
	{ id: 'seo', label: 'SEO', budget: atLeast(0.95) }
];

/**
 * Figure 2: Lighthouse's default (mobile) run on each page: emulated phone screen, simulated slow
 * 4G and 4× CPU slowdown. A fresh headless Chromium per page, so no page inherits another's cache
 * or service worker.
 */
export async function measureLighthouse(baseUrl: string, chromePath: string): Promise<Figure[]> {
	const figures: Figure[] = [];
	for (const page of LIGHTHOUSE_PAGES) {
		const url = baseUrl + page.path;
		progress(`lighthouse ${page.path}`);
		const chrome = await launch({
			chromePath,
			chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
			logLevel: 'silent',
			handleSIGINT: false
		});
		const forget = stopOnExit(() => chrome.kill());
		let lhr;
		try {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: CATEGORIES.map((c) => c.id)
			});
			lhr = result?.lhr;
		} finally {
			forget();
			chrome.kill();
		}
		if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
		if (lhr.runtimeError)
			throw new Error(
				`Lighthouse on ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
			);

		const settings = {
			lighthouseVersion: lhr.lighthouseVersion,
			formFactor: lhr.configSettings.formFactor,
			throttlingMethod: lhr.configSettings.throttlingMethod,
			throttling: lhr.configSettings.throttling,
			userAgent: lhr.environment.hostUserAgent,
			benchmarkIndex: lhr.environment.benchmarkIndex,
			runWarnings: lhr.runWarnings
		};
		for (const category of CATEGORIES) {
			const result = lhr.categories[category.id];
			if (!result || result.score === null)
				throw new Error(`Lighthouse gave no ${category.label} score for ${url}`);
			// The audits that cost points, so a failure says what to fix.
			const lost = result.auditRefs
				.filter((ref) => ref.weight > 0)
				.map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
				.filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
				.map(({ ref, audit }) => ({
					id: ref.id,
					title: audit!.title,
					score: audit!.score,
					weight: ref.weight,
					displayValue: audit!.displayValue
				}));
			figures.push(
				figure(
					`lighthouse ${page.name}: ${category.label}`,
					result.score,
					'score',
					category.budget,
					{
						note: lost.length ? `loses points on: ${lost.map((a) => a.id).join(', ')}` : undefined,
						details: { url, lostPointsOn: lost, ...(category.id === 'performance' ? settings : {}) }
					}
				)
			);
		}
		const metric = (id: string) => {
			const value = lhr.audits[id]?.numericValue;
			if (value === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}`);
			return value;
		};
		figures.push(
			figure(`lighthouse ${page.name}: LCP`, metric('largest-contentful-paint'), 'ms'),
			// Issue 15: at most 150 ms of blocking time on every page measured, on a quiet machine.
			figure(`lighthouse ${page.name}: TBT`, metric('total-blocking-time'), 'ms', atMost(150)),
			figure(`lighthouse ${page.name}: CLS`, metric('cumulative-layout-shift'), '')
		);
	}
	return figures;
}
