/**
 * npm run validate -- <questions dir | topic.yaml | pack.json> [...]
 * Checks a content folder (schemas, answer keys, citations anchored in their sources), a topic file
 * to add to questions/ (such as the builder's "Download as YAML") or a pack file (the pack schema, the
 * bank's sources, every quotation anchored), prints every problem with its place, and exits non-zero
 * if there is any.
 */
import { statSync } from 'node:fs';
import { checkTopicFile, loadBank } from '../src/lib/content/load';
import { ContentError, formatProblem } from '../src/lib/content/problems';
import { summariseBank } from '../src/lib/content/stats';
import { readPackFile } from './pack-file';

const HELP = `Usage: npm run validate -- <questions-dir | topic.yaml | pack.json> [more...]

  questions-dir   a content folder like questions/: every topic file, the glossary and the
                  sources are validated and every citation is anchored in its source text
  topic.yaml      a topic file to add to questions/ (the builder's "Download as YAML"): checked
                  as if it were added, against the sources and the questions already there
  pack.json       a question pack: validated against the pack schema (/schema/pack-v1.json),
                  its sources must be the bank's and every quotation is anchored in its source

Prints each problem with its file and line (or JSON path) and exits with status 1 if any.`;

function validateTarget(target: string): boolean {
	if (statSync(target).isDirectory()) {
		try {
			const bank = loadBank(target);
			console.log(`${target}: OK\n${summariseBank(bank)}`);
			return true;
		} catch (error) {
			if (!(error instanceof ContentError)) throw error;
			console.error(error.message);
			return false;
		}
	}
	if (/\.ya?ml$/i.test(target)) {
		const problems = checkTopicFile(target);
		if (!problems.length) {
			console.log(`${target}: OK, a topic file that can be added to questions/`);
			return true;
		}
		console.error(`${target}: ${problems.length} problem(s):`);
		for (const p of problems) console.error(`  ${formatProblem(p)}`);
		return false;
	}
	const result = readPackFile(target, loadBank());
	if (result.ok) {
		console.log(`${target}: OK, a valid pack of ${result.pack.questions.length} questions`);
		return true;
	}
	console.error(`${target}: ${result.errors.length} problem(s):`);
	for (const error of result.errors) console.error(`  ${error.detail}`);
	return false;
}

const targets = process.argv.slice(2);
if (targets.length === 0 || targets.includes('--help') || targets.includes('-h')) {
	console.log(HELP);
	process.exit(targets.length === 0 ? 1 : 0);
}
let ok = true;
for (const target of targets) {
	try {
		ok = validateTarget(target) && ok;
	} catch (error) {
		console.error(`${target}: ${(error as Error).message}`);
		ok = false;
	}
}
process.exit(ok ? 0 : 1);
