import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { packJsonSchema } from '../../src/lib/content/pack-json-schema';
import { loadBank } from '../../src/lib/content/load';
import { packSchema } from '../../src/lib/content/schema';
import { passageShowing } from '../helpers/quotation-marks';

test('build/packs/all.json is a valid pack holding the whole bank', () => {
	const pack = packSchema.parse(JSON.parse(readFileSync('build/packs/all.json', 'utf8')));
	expect(pack.id).toBe('all');
	expect(new Set(pack.questions.map((q) => q.topic)).size).toBe(pack.topics.length);
	expect(pack.sources).toHaveLength(5);
});

test('build/schema/pack-v1.json is the JSON Schema generated from the zod pack schema', () => {
	const served = JSON.parse(readFileSync('build/schema/pack-v1.json', 'utf8'));
	expect(served).toEqual(packJsonSchema());
	expect(served.properties.questions.type).toBe('array');
	expect(served.required).toEqual(
		expect.arrayContaining(['schemaVersion', 'questions', 'sources'])
	);
});

test('every page carries a strict Content Security Policy, repeated in build/_headers', () => {
	const headers = readFileSync('build/_headers', 'utf8');
	expect(headers).toContain('X-Content-Type-Options: nosniff');
	expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
	const pages = [
		'index.html',
		'quiz.html',
		'instructor.html',
		'sources/ars-technica-2024-11-27.html',
		'print/all.html'
	];
	for (const page of pages) {
		const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(
			readFileSync(`build/${page}`, 'utf8')
		)?.[1];
		expect(policy, page).toBeDefined();
		const scripts = /script-src ([^;]+)/.exec(policy!)?.[1];
		expect(scripts, page).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
		expect(policy).toContain("default-src 'self'");
		expect(policy).not.toContain('unsafe-eval');
		expect(policy).toContain("base-uri 'none'");
		// Only in the header: in the <meta> it breaks the site in WebKit wherever it is served over http.
		expect(policy).not.toContain('upgrade-insecure-requests');
		expect(policy).toContain("require-trusted-types-for 'script'");
		expect(policy).toContain('trusted-types svelte-trusted-html sveltekit-trusted-url');
		const path = page === 'index.html' ? '/' : `/${page.replace(/\.html$/, '')}`;
		const forms = page === 'index.html' ? ['/', '/index.html'] : [path, `${path}/`, `/${page}`];
		for (const form of forms)
			expect(headers, form).toContain(
				`\n${form}\n  Content-Security-Policy: ${policy}; upgrade-insecure-requests; frame-ancestors`
			);
	}
});

test('build/_headers drops the obsolete interest-cohort permission', () => {
	const headers = readFileSync('build/_headers', 'utf8');
	expect(headers).toContain('Permissions-Policy: camera=(), microphone=(), geolocation=()\n');
	expect(headers).not.toContain('interest-cohort');
});

/** The headers a host that reads build/_headers sends for a path: every rule that matches it, combined. */
function headersFor(headersFile: string, path: string): string[] {
	return headersFile
		.split(/\n\n+/)
		.map((block) => block.split('\n').filter((line) => !line.startsWith('#')))
		.filter(([rule]) => rule === path || rule === '/*')
		.flatMap(([, ...lines]) => lines.map((line) => line.trim()));
}

test('an LMS page may embed the quiz and the source pages; nothing else may be framed', () => {
	const headers = readFileSync('build/_headers', 'utf8');
	const framing = (path: string) =>
		headersFor(headers, path).filter(
			(line) => line.startsWith('X-Frame-Options') || line.includes('frame-ancestors')
		);
	const embeddable = ['/quiz', '/quiz/', '/quiz.html', '/sources/ars-technica-2024-11-27'];
	for (const path of embeddable) {
		const lines = framing(path);
		expect(lines, path).toHaveLength(1);
		expect(lines[0], path).toMatch(/; frame-ancestors 'self' https:$/);
	}
	const unframeable = ['/', '/instructor', '/instructor.html', '/print/all', '/progress/'];
	for (const path of unframeable) {
		const lines = framing(path);
		expect(lines, path).toHaveLength(2);
		expect(lines[0], path).toMatch(/; frame-ancestors 'none'$/);
		expect(lines[1], path).toBe('X-Frame-Options: DENY');
	}
});

/** What a reader sees of a prerendered page: scripts and styles left out, tags stripped, entities decoded. */
function pageText(html: string): string {
	return (
		html
			.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
			// Inline elements run on with the text around them; any other element stands on its own line.
			.replace(/<\/?(a|span|mark|em|strong|cite|b|i|q|abbr|small|sup|sub)\b[^>]*>/g, '')
			.replace(/<[^>]*>/g, '\n')
			.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&nbsp;/g, '\u00a0')
			.replace(/&amp;/g, '&')
	);
}

test('every prerendered page shows each cited passage in one pair of quotation marks, never two side by side', () => {
	const bank = loadBank();
	const passages = new Set([
		...bank.questions.flatMap((q) => q.citations.map((c) => c.exact)),
		...bank.glossary.flatMap((t) => t.citations.map((c) => c.exact)),
		...bank.comparisons.flatMap((r) => r.accounts.flatMap((a) => a.quotes.map((c) => c.exact))),
		...bank.topics.flatMap((t) => t.seminar?.readings.map((r) => r.exact) ?? [])
	]);
	const pages = readdirSync('build', { recursive: true, encoding: 'utf8' }).filter((p) =>
		p.endsWith('.html')
	);
	expect(pages.length).toBeGreaterThan(10);
	const quoted = new Set<string>();
	const doubled: string[] = [];
	for (const page of pages) {
		const text = pageText(readFileSync(`build/${page}`, 'utf8'));
		for (const exact of passages) {
			const showing = passageShowing(text, exact);
			if (showing.quoted) quoted.add(exact);
			doubled.push(...showing.doubled.map((d) => `${page}: ${d}`));
		}
	}
	expect(doubled).toEqual([]);
	expect([...passages].filter((p) => !quoted.has(p))).toEqual([]);
});
