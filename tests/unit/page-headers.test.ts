import { describe, expect, it } from 'vitest';
import {
	countRules,
	headersFile,
	isEmbeddable,
	pageHeaders,
	servedPaths
} from '../../scripts/page-headers.js';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";

/** The header lines of every rule in a _headers file, by the rule's path. */
function rulesOf(text: string): Map<string, string[]> {
	const rules = new Map<string, string[]>();
	let current: string[] | undefined;
	for (const line of text.split('\n')) {
		if (line.startsWith('/')) rules.set(line, (current = []));
		else if (line.startsWith('  ') && current) current.push(line.trim());
		else if (!line.trim()) current = undefined;
	}
	return rules;
}

describe('servedPaths', () => {
	it('gives a page at its clean path, with a trailing slash and as the .html file', () => {
		expect(servedPaths('quiz.html')).toEqual(['/quiz', '/quiz/', '/quiz.html']);
		expect(servedPaths('sources/ars-technica-2024-11-27.html')).toEqual([
			'/sources/ars-technica-2024-11-27',
			'/sources/ars-technica-2024-11-27/',
			'/sources/ars-technica-2024-11-27.html'
		]);
	});

	it('gives the home page at / and /index.html, and a folder index at the folder', () => {
		expect(servedPaths('index.html')).toEqual(['/', '/index.html']);
		expect(servedPaths('guide/index.html')).toEqual(['/guide', '/guide/', '/guide/index.html']);
	});
});

describe('headersFile', () => {
	const text = headersFile('/*\n  X-Content-Type-Options: nosniff\n', [
		{ file: 'quiz.html', policy: POLICY },
		{ file: 'instructor.html', policy: `${POLICY} 'sha256-other='` }
	]);
	const rules = rulesOf(text);

	it('keeps the site-wide rules first', () => {
		expect(text.startsWith('/*\n  X-Content-Type-Options: nosniff\n\n')).toBe(true);
	});

	it('gives every form of a page path the same page policy, so /quiz/ and /quiz.html are covered', () => {
		for (const path of ['/quiz', '/quiz/', '/quiz.html'])
			expect(rules.get(path)?.[0], path).toMatch(
				new RegExp(
					`^Content-Security-Policy: ${POLICY}; upgrade-insecure-requests; frame-ancestors `
				)
			);
		for (const path of ['/instructor', '/instructor/', '/instructor.html'])
			expect(rules.get(path)?.[0], path).toContain("'sha256-other='");
	});

	it('counts one rule per path', () => {
		expect(countRules(text)).toBe(7);
	});
});

describe('framing', () => {
	it('lets an LMS page embed the quiz and the source pages it cites', () => {
		for (const path of ['/quiz', '/sources', '/sources/ars-technica-2024-11-27'])
			expect(isEmbeddable(path), path).toBe(true);
	});

	it('keeps the pack builder, print views and every other page unframeable', () => {
		for (const path of ['/instructor', '/print/all', '/', '/progress', '/glossary', '/quizzes'])
			expect(isEmbeddable(path), path).toBe(false);
	});

	it('gives an embeddable page frame-ancestors for any HTTPS page and no X-Frame-Options', () => {
		expect(pageHeaders('/quiz', POLICY)).toEqual([
			`Content-Security-Policy: ${POLICY}; upgrade-insecure-requests; frame-ancestors 'self' https:`
		]);
	});

	it('gives any other page frame-ancestors none and X-Frame-Options DENY', () => {
		expect(pageHeaders('/instructor', POLICY)).toEqual([
			`Content-Security-Policy: ${POLICY}; upgrade-insecure-requests; frame-ancestors 'none'`,
			'X-Frame-Options: DENY'
		]);
	});
});
