// After `vite build`: gives every prerendered page a Content-Security-Policy header in build/_headers,
// the same policy SvelteKit put in the page's <meta>, plus frame-ancestors 'none'.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUILD = 'build';
const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/;

/**
 * Every .html file under a folder.
 * @param {string} dir
 * @returns {string[]}
 */
function htmlFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? htmlFiles(join(dir, e.name))
			: e.name.endsWith('.html')
				? [join(dir, e.name)]
				: []
	);
}

/**
 * The URL path a static host serves a file at: index.html → /, quiz.html → /quiz.
 * @param {string} file
 */
function urlPath(file) {
	const path = `/${relative(BUILD, file).replaceAll('\\', '/')}`.replace(/\.html$/, '');
	return path === '/index' ? '/' : path;
}

const blocks = htmlFiles(BUILD)
	.sort()
	.map((file) => {
		const policy = META.exec(readFileSync(file, 'utf8'))?.[1];
		if (!policy)
			throw new Error(`${file} has no Content-Security-Policy <meta>: is kit.csp configured?`);
		return `${urlPath(file)}\n  Content-Security-Policy: ${policy}; frame-ancestors 'none'`;
	});
const global = readFileSync(join(BUILD, '_headers'), 'utf8').trimEnd();
writeFileSync(join(BUILD, '_headers'), `${global}\n\n${blocks.join('\n\n')}\n`);
console.log(`build/_headers: Content-Security-Policy for ${blocks.length} pages`);
