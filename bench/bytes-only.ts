/**
 * npx tsx bench/bytes-only.ts: the bytes figures of `npm run bench` alone, read from the build/
 * already there (run `npm run build` first). Seconds instead of minutes; writes no results file.
 * With --files, lists each page's JavaScript files by gzip size as well.
 */
import { existsSync } from 'node:fs';
import { firstVisit, measureBytes, ROUTES } from './bytes';
import { renderTable } from './table';

if (!existsSync('build')) {
	console.error('no build/ here: run `npm run build` first');
	process.exit(1);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
print(renderTable(measureBytes('build')));
if (process.argv.includes('--files'))
	for (const route of ROUTES) {
		const visit = firstVisit('build', route.path);
		print(`\n${route.name} ${route.path}`);
		for (const f of [...visit.js].sort((a, b) => b.gzip - a.gzip))
			print(`  ${(f.gzip / 1000).toFixed(1).padStart(6)} kB  ${f.file}`);
	}
