// After `vite build`: writes build/_headers from static/_headers plus, for every prerendered page,
// at every path a static host may serve it at, the page's Content-Security-Policy (the same policy
// SvelteKit put in its <meta>) and its frame rule (see page-headers.js).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countRules, headersFile, MAX_RULES } from './page-headers.js';

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

const pages = htmlFiles(BUILD)
	.sort()
	.map((path) => {
		const policy = META.exec(readFileSync(path, 'utf8'))?.[1];
		if (!policy)
			throw new Error(`${path} has no Content-Security-Policy <meta>: is kit.csp configured?`);
		return { file: relative(BUILD, path).replaceAll('\\', '/'), policy };
	});
// Read from static/, not build/, so that running this twice writes the same file.
const text = headersFile(readFileSync('static/_headers', 'utf8'), pages);
writeFileSync(join(BUILD, '_headers'), text);
const rules = countRules(text);
console.log(`build/_headers: ${rules} rules, for ${pages.length} pages`);
if (rules > MAX_RULES)
	console.warn(
		`build/_headers has ${rules} rules: Cloudflare Pages ignores those past ${MAX_RULES}`
	);
