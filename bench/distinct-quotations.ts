import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readTopicFiles, repeatTopicQuestions, writeTopicFiles } from './synthetic';

/** The source every synthetic passage is appended to: its id and file in the content folder. */
export const SYNTHETIC_SOURCE = { id: 'synthetic-passages', file: 'synthetic-passages.txt' };

interface SourceEntry {
	id: string;
	file: string;
	sha256: string;
	label: string;
	[field: string]: unknown;
}

/** A small seeded generator (mulberry32), so every run writes the same passages. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * `count` different sentences of 12 to 24 words drawn from the real sources' own words, so they
 * share the sources' common words and letter pairs as real quotations do, and no two are the same.
 */
export function syntheticPassages(words: readonly string[], count: number): string[] {
	const next = random(15);
	const pick = () => words[Math.floor(next() * words.length)]!;
	const passages = new Set<string>();
	while (passages.size < count) {
		const length = 12 + Math.floor(next() * 13);
		const sentence = Array.from({ length }, pick).join(' ');
		passages.add(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
	}
	return [...passages];
}

/**
 * A content folder in `parent` holding `count` questions (the real ones repeated, as
 * `writeSyntheticContent` makes them) whose first citations quote `count` distinct passages of a
 * synthetic sixth source: the real sources' texts followed by one generated passage a paragraph.
 * Every other citation is the real one, so the memo answers those as before.
 */
export function writeDistinctQuotationContent(
	count: number,
	root: string,
	parent: string
): { dir: string; yamlBytes: number; sourceChars: number } {
	const sourcesFile = join(root, 'sources', 'sources.yaml');
	const sources = (parse(readFileSync(sourcesFile, 'utf8')) as { sources: SourceEntry[] }).sources;
	const realText = sources
		.map((s) => readFileSync(join(root, 'sources', s.file), 'utf8'))
		.join('\n\n');
	const words = [...new Set(realText.match(/[A-Za-z]+(?:’[a-z]+)?/g) ?? [])].filter(
		(w) => w.length > 1 || w === 'a'
	);
	const passages = syntheticPassages(words, count);
	const text = `${realText}\n\n${passages.join('\n\n')}\n`;

	const dir = mkdtempSync(join(parent, `distinct-${count}-`));
	cpSync(root, dir, { recursive: true });
	writeFileSync(join(dir, 'sources', SYNTHETIC_SOURCE.file), text);
	const synthetic: SourceEntry = {
		...sources[0]!,
		...SYNTHETIC_SOURCE,
		sha256: createHash('sha256').update(text).digest('hex'),
		label: 'Synthetic passages'
	};
	writeFileSync(
		join(dir, 'sources', 'sources.yaml'),
		stringify({ sources: [...sources, synthetic] }, { lineWidth: 0 })
	);

	const files = readTopicFiles(root);
	const byFile = repeatTopicQuestions(files, count, (q, n) => {
		const { citations } = q as { id: string; citations?: unknown[] };
		const own = { source: SYNTHETIC_SOURCE.id, exact: passages[n]! };
		return { ...q, citations: [own, ...(citations ?? []).slice(1)] };
	});
	const yamlBytes = writeTopicFiles(dir, files, byFile);
	return { dir, yamlBytes, sourceChars: text.length };
}
