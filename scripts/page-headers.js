// The per-page rules of build/_headers, as pure functions so that they can be tested without a build.

/**
 * Pages an instructor may show inside an LMS page: the quiz and the source texts its citations open.
 * Everything else (the pack builder, print views, progress) stays unframeable.
 */
const EMBEDDABLE = [/^\/quiz$/, /^\/sources(\/|$)/];

/** Cloudflare Pages reads at most this many rules from a _headers file and ignores the rest. */
export const MAX_RULES = 100;

/**
 * Every URL path a static host may serve a page file at: `quiz.html` is `/quiz`, `/quiz/` and
 * `/quiz.html`; `index.html` is `/` and `/index.html`. The first is the canonical path.
 * @param {string} file the page's file, relative to the build folder, with forward slashes
 * @returns {string[]}
 */
export function servedPaths(file) {
	if (file === 'index.html') return ['/', '/index.html'];
	const page = `/${file.replace(/(\/index)?\.html$/, '')}`;
	return [page, `${page}/`, `/${file}`];
}

/**
 * Whether other sites may show a page in a frame, by its canonical path.
 * @param {string} path
 */
export function isEmbeddable(path) {
	return EMBEDDABLE.some((pattern) => pattern.test(path));
}

/**
 * The headers one page gets: its own Content-Security-Policy (the same as its <meta> policy) plus
 * what only a header should say. The frame rule cannot be in a <meta>: embeddable pages may be
 * framed by any HTTPS page, the rest by none, and older browsers that know only X-Frame-Options are
 * told DENY. `upgrade-insecure-requests` is left out of the <meta> on purpose: the built site must
 * also work served over plain http (a school's own server, `npm run preview`), and WebKit would
 * upgrade its scripts to https there and load none of them; a host that reads _headers serves https.
 * @param {string} path the page's canonical path
 * @param {string} policy the policy from the page's <meta>
 * @returns {string[]} header lines, `Name: value`
 */
export function pageHeaders(path, policy) {
	const full = `${policy}; upgrade-insecure-requests`;
	return isEmbeddable(path)
		? [`Content-Security-Policy: ${full}; frame-ancestors 'self' https:`]
		: [`Content-Security-Policy: ${full}; frame-ancestors 'none'`, 'X-Frame-Options: DENY'];
}

/**
 * The whole _headers file: the site-wide rules, then one rule per path each page is served at.
 * @param {string} siteWide the site-wide rules (static/_headers)
 * @param {{ file: string, policy: string }[]} pages
 */
export function headersFile(siteWide, pages) {
	const rules = pages.flatMap(({ file, policy }) => {
		const paths = servedPaths(file);
		const lines = pageHeaders(paths[0] ?? '', policy).map((line) => `  ${line}`);
		return paths.map((path) => [path, ...lines].join('\n'));
	});
	return `${siteWide.trimEnd()}\n\n${rules.join('\n\n')}\n`;
}

/**
 * How many rules a _headers file holds (a rule is a path line followed by indented header lines).
 * @param {string} text
 */
export function countRules(text) {
	return text.split('\n').filter((line) => line.startsWith('/') || line.startsWith('https://'))
		.length;
}
