// The per-page rules of build/_headers, as pure functions so that they can be tested without a build.

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
 * The headers one page gets: its own Content-Security-Policy (the same as its <meta> policy) plus
 * frame-ancestors, which a <meta> policy cannot carry.
 * @param {string} _path the page's canonical path
 * @param {string} policy the policy from the page's <meta>
 * @returns {string[]} header lines, `Name: value`
 */
export function pageHeaders(_path, policy) {
	return [`Content-Security-Policy: ${policy}; frame-ancestors 'none'`];
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
