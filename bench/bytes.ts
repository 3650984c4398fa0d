import { cachedOffline } from '../src/lib/offline';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, figure, type Figure } from './figures';

/** Gzip as a static host would serve it: Node's zlib at level 9, each file on its own. */
export const gzipSize = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;

const byteLength = (data: string | Uint8Array) =>
	typeof data === 'string' ? Buffer.byteLength(data) : data.length;

interface Route {
	name: string;
	/** The URL path the browser asks for. */
	path: string;
	note?: string;
	budget?: { jsGzip: number; cssGzip: number; totalGzip?: number };
	/** Files the page fetches as it opens, before it works (the quiz's question files). */
	fetches?: string[];
}

/** The question file /quiz?topic=compensation fetches: the data of the quiz page's first visit. */
export const QUIZ_TOPIC_FILE = '/quiz/questions/compensation.json';

export const ROUTES: Route[] = [
	{ name: 'home', path: '/' },
	{
		name: 'quiz',
		path: '/quiz',
		note: 'the page /quiz?topic=compensation loads',
		// 50 kB, 10 kB and 90 kB read as 50,000, 10,000 and 90,000 bytes (the stricter reading).
		budget: { jsGzip: 50_000, cssGzip: 10_000, totalGzip: 90_000 },
		// A topic quiz fetches its topic's questions, and nothing else, as it opens.
		fetches: [QUIZ_TOPIC_FILE]
	},
	{ name: 'source', path: '/sources/ars-technica-2024-11-27' },
	{ name: 'instructor', path: '/instructor' }
];

interface Asset {
	file: string;
	raw: number;
	gzip: number;
}

/** What one page's first visit downloads, taken from its HTML and the files in build/. */
export interface FirstVisit {
	path: string;
	html: { file: string; raw: number; gzip: number };
	js: Asset[];
	css: Asset[];
	/** SvelteKit's inline start-up script, without the page data embedded in it. */
	boot: { raw: number; gzip: number };
	inlineCss: { raw: number; gzip: number };
	/** The page data serialised into the boot script (for /quiz: the question references). */
	embeddedData: { raw: number; gzip: number };
	/** Files the static imports pull in that the HTML does not list (downloaded all the same). */
	importedButNotListed: string[];
	/** Whether Vite's manifest gives the same set of JavaScript files (undefined: no manifest). */
	manifestAgrees?: boolean;
}

const attributes = (tag: string) =>
	Object.fromEntries(
		[...tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [
			m[1]!.toLowerCase(),
			m[2] ?? m[3] ?? ''
		])
	);

/** The file in build/ that serves a URL path, as the static host (and vite preview) would. */
export function fileForPath(buildDir: string, pathname: string): string | undefined {
	const candidates = pathname.endsWith('/')
		? [`${pathname}index.html`]
		: [pathname, `${pathname}.html`, `${pathname}/index.html`];
	return candidates
		.map((p) => join(buildDir, decodeURIComponent(p)))
		.find((f) => existsSync(f) && statSync(f).isFile());
}

/** Index just past the bracket that closes the one at `open`, skipping string literals. */
export function closingBracket(code: string, open: number): number {
	const pairs: Record<string, string> = { '[': ']', '(': ')', '{': '}' };
	const stack: string[] = [];
	for (let i = open; i < code.length; i++) {
		const c = code[i]!;
		if (c === '"' || c === "'" || c === '`') {
			for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
			continue;
		}
		if (pairs[c]) stack.push(pairs[c]);
		else if (c === ']' || c === ')' || c === '}') {
			if (stack.pop() !== c) throw new Error(`unbalanced "${c}" at ${i}`);
			if (!stack.length) return i + 1;
		}
	}
	throw new Error('no closing bracket');
}

/**
 * Splits SvelteKit's inline start-up script into the code (counted as JavaScript) and the page
 * data serialised into it (`data: [...]`, counted separately).
 */
export function splitBootScript(script: string): { code: string; data: string } {
	const start = /node_ids:\s*\[[^\]]*\],\s*data:\s*(?=\[)/.exec(script);
	if (!start) {
		if (script.includes('kit.start(') || script.includes('.start(app'))
			throw new Error(
				'the inline start-up script has no "node_ids: [...], data: [" part: SvelteKit changed its format, so page data cannot be told from code'
			);
		return { code: script, data: '' };
	}
	const from = start.index + start[0].length;
	const to = closingBracket(script, from);
	return { code: script.slice(0, from) + script.slice(to), data: script.slice(from, to) };
}

/** Relative specifiers of a minified module's static `import ... from "x"` / `export ... from "x"`. */
export function staticImports(code: string): string[] {
	const found = code.matchAll(
		/(?:^|[;}\s])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+\s*|\{[^}]*\}\s*)?(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/g
	);
	return [...found].map((m) => m[1]!);
}

const ORIGIN = 'http://bench.invalid';
const resolvePath = (href: string, fromPath: string) => new URL(href, ORIGIN + fromPath).pathname;

function asset(buildDir: string, pathname: string): Asset {
	const file = fileForPath(buildDir, pathname);
	if (!file) throw new Error(`${pathname} is referenced but not in ${buildDir}`);
	const data = readFileSync(file);
	return { file: pathname, raw: data.length, gzip: gzipSize(data) };
}

/** Files Vite's manifest says a set of entry files statically imports, entries included. */
function manifestClosure(manifestFile: string, roots: string[]): Set<string> | undefined {
	if (!existsSync(manifestFile)) return undefined;
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<
		string,
		{ file: string; imports?: string[] }
	>;
	const byFile = new Map(Object.values(manifest).map((chunk) => [`/${chunk.file}`, chunk]));
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const key of byFile.get(file)?.imports ?? []) {
			const chunk = manifest[key];
			if (chunk) visit(`/${chunk.file}`);
		}
	};
	roots.forEach(visit);
	return seen;
}

/** Reads a page's HTML and follows what it references: the JS and CSS its first visit downloads. */
export function firstVisit(buildDir: string, path: string, manifestFile?: string): FirstVisit {
	const htmlFile = fileForPath(buildDir, path);
	if (!htmlFile) throw new Error(`no file in ${buildDir} serves ${path}`);
	const html = readFileSync(htmlFile, 'utf8');

	const listedJs = new Set<string>();
	const css = new Set<string>();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const { rel, href } = attributes(tag);
		if (!href) continue;
		const rels = (rel ?? '').toLowerCase().split(/\s+/);
		if (rels.includes('modulepreload')) listedJs.add(resolvePath(href, path));
		// A disabled stylesheet is not fetched: SvelteKit writes one beside each stylesheet it inlined.
		const disabled = /\sdisabled\b/i.test(tag);
		if (rels.includes('stylesheet') && !disabled) css.add(resolvePath(href, path));
	}
	let bootCode = '';
	let embedded = '';
	for (const [, open = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const { src, type } = attributes(open);
		if (type && type !== 'module' && !type.includes('javascript')) continue;
		if (src) {
			listedJs.add(resolvePath(src, path));
			continue;
		}
		const { code, data } = splitBootScript(body);
		bootCode += code;
		embedded += data;
		for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
			listedJs.add(resolvePath(m[1]!, path));
	}
	const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)]
		.map((m) => m[1])
		.join('');

	// Everything the listed modules import statically is fetched before they run.
	const js = new Map<string, Asset>();
	const visit = (pathname: string) => {
		if (js.has(pathname)) return;
		const found = asset(buildDir, pathname);
		js.set(pathname, found);
		const code = readFileSync(fileForPath(buildDir, pathname)!, 'utf8');
		for (const spec of staticImports(code)) visit(resolvePath(spec, pathname));
	};
	listedJs.forEach(visit);

	const closure = manifestFile ? manifestClosure(manifestFile, [...listedJs]) : undefined;
	const sameSet = (a: Set<string>, b: Set<string>) =>
		a.size === b.size && [...a].every((x) => b.has(x));
	return {
		path,
		html: { file: htmlFile, raw: byteLength(html), gzip: gzipSize(html) },
		js: [...js.values()],
		css: [...css].map((p) => asset(buildDir, p)),
		boot: { raw: byteLength(bootCode), gzip: bootCode ? gzipSize(bootCode) : 0 },
		inlineCss: { raw: byteLength(inlineCss), gzip: inlineCss ? gzipSize(inlineCss) : 0 },
		embeddedData: { raw: byteLength(embedded), gzip: embedded ? gzipSize(embedded) : 0 },
		importedButNotListed: [...js.keys()].filter((p) => !listedJs.has(p)),
		manifestAgrees: closure ? sameSet(closure, new Set(js.keys())) : undefined
	};
}

const sum = (assets: readonly { raw: number; gzip: number }[]) =>
	assets.reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), { raw: 0, gzip: 0 });

/** The per-topic question files the quiz and progress pages fetch (`/quiz/questions/<topic>.json`). */
export function questionFiles(buildDir: string): Asset[] {
	const dir = join(buildDir, 'quiz', 'questions');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => asset(buildDir, `/quiz/questions/${name}`));
}

/** Every file the service worker fetches into its cache after the first load (its precache list, filtered as it filters it). */
export function servicePrecache(buildDir: string): { files: number; raw: number; gzip: number } {
	const worker = join(buildDir, 'service-worker.js');
	if (!existsSync(worker)) return { files: 0, raw: 0, gzip: 0 };
	const code = readFileSync(worker, 'utf8');
	const files = new Set<string>();
	for (const m of code.matchAll(/[`"'](\/[^`"'\s]*)[`"']/g)) {
		if (!cachedOffline(m[1]!)) continue;
		const file = fileForPath(buildDir, m[1]!);
		if (file) files.add(file);
	}
	const assets = [...files].map((f) => {
		const data = readFileSync(f);
		return { raw: data.length, gzip: gzipSize(data) };
	});
	return { files: files.size, ...sum(assets) };
}

/** Figure 1: JS and CSS bytes of each route's first visit, and the question data, from build/. */
export function measureBytes(buildDir = 'build'): Figure[] {
	const manifest = '.svelte-kit/output/client/.vite/manifest.json';
	const figures: Figure[] = [];
	const visits = new Map<string, FirstVisit>();
	const rows = (label: string, visit: FirstVisit, route: Route, note?: string) => {
		const js = sum([...visit.js, visit.boot]);
		const css = sum([...visit.css, visit.inlineCss]);
		const details = {
			html: visit.html,
			jsFiles: visit.js,
			bootScript: visit.boot,
			cssFiles: visit.css,
			inlineCss: visit.inlineCss,
			embeddedData: visit.embeddedData,
			importedButNotListed: visit.importedButNotListed,
			viteManifestAgrees: visit.manifestAgrees
		};
		const jsNote =
			note ??
			`${visit.js.length} files + ${(visit.boot.gzip / 1000).toFixed(1)} kB inline boot script${route.note ? `; ${route.note}` : ''}`;
		figures.push(
			figure(
				`bytes ${label}: JS gzip`,
				js.gzip,
				'B',
				route.budget && !note ? atMost(route.budget.jsGzip) : null,
				{ note: jsNote, details }
			),
			figure(`bytes ${label}: JS raw`, js.raw, 'B', null, { note }),
			figure(
				`bytes ${label}: CSS gzip`,
				css.gzip,
				'B',
				route.budget && !note ? atMost(route.budget.cssGzip) : null,
				{
					note:
						note ??
						(visit.inlineCss.raw
							? `inline in the HTML${visit.css.length ? ` + ${visit.css.length} files` : ''}`
							: `${visit.css.length} files`)
				}
			),
			figure(`bytes ${label}: CSS raw`, css.raw, 'B', null, { note })
		);
		if (route.fetches && !note) {
			const fetched = route.fetches.map((p) => asset(buildDir, p));
			const total = sum([visit.html, ...visit.js, ...visit.css, ...fetched]);
			figures.push(
				figure(
					`bytes ${label}: first visit in all (HTML, JS, CSS, data), gzip`,
					total.gzip,
					'B',
					route.budget?.totalGzip ? atMost(route.budget.totalGzip) : null,
					{
						note: `HTML ${(visit.html.gzip / 1000).toFixed(1)} kB + JS + CSS + ${fetched.map((f) => `${f.file} ${(f.gzip / 1000).toFixed(1)} kB`).join(', ')}`,
						details: { html: visit.html, fetched }
					}
				)
			);
		}
	};
	for (const route of ROUTES) {
		const visit = firstVisit(buildDir, route.path, manifest);
		if (visit.manifestAgrees === false)
			throw new Error(
				`${route.path}: the static imports read from build/ and Vite's manifest disagree, so the JS count cannot be trusted`
			);
		visits.set(route.name, visit);
		rows(`${route.name} ${route.path}`, visit, route);
	}
	const quiz = visits.get('quiz')!;
	rows('results (/quiz)', quiz, ROUTES[1]!, 'results is a state of /quiz: same first visit');

	const dataFile = fileForPath(buildDir, '/quiz/__data.json');
	figures.push(
		figure('data /quiz: page data embedded in HTML, raw', quiz.embeddedData.raw, 'B', null, {
			note: 'question references (id, topic, level, kind), topics and source names; no questions'
		}),
		figure('data /quiz: page data embedded in HTML, gzip', quiz.embeddedData.gzip, 'B', null, {
			note: `whole HTML: ${(quiz.html.raw / 1000).toFixed(1)} kB raw, ${(quiz.html.gzip / 1000).toFixed(1)} kB gzip`
		})
	);
	const topicFiles = questionFiles(buildDir);
	const topic = topicFiles.find((f) => f.file === QUIZ_TOPIC_FILE);
	if (topic)
		figures.push(
			figure(`data ${QUIZ_TOPIC_FILE} (a topic quiz), gzip`, topic.gzip, 'B', null, {
				note: `${(topic.raw / 1000).toFixed(1)} kB raw; counted in the quiz page's first visit`
			})
		);
	if (topicFiles.length) {
		const all = sum(topicFiles);
		figures.push(
			figure('data /quiz/questions/*.json (a whole-module quiz), gzip', all.gzip, 'B', null, {
				note: `${topicFiles.length} topic files fetched in parallel, ${(all.raw / 1000).toFixed(1)} kB raw; a mixed quiz or a link with ids fetches only the topics it draws on`,
				details: { files: topicFiles }
			})
		);
	}
	if (dataFile) {
		const data = readFileSync(dataFile);
		figures.push(
			figure('data /quiz/__data.json, raw', data.length, 'B', null, {
				note: 'fetched only when a link inside the site opens /quiz'
			}),
			figure('data /quiz/__data.json, gzip', gzipSize(data), 'B')
		);
	}
	const precache = servicePrecache(buildDir);
	figures.push(
		figure('after load: service worker precache, raw', precache.raw, 'B', null, {
			note: `${precache.files} files cached for offline use after the page has loaded; not in the figures above`
		}),
		figure('after load: service worker precache, gzip', precache.gzip, 'B')
	);
	return figures;
}
