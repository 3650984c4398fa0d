import { readFileSync, statSync } from 'node:fs';
import type { Bank } from '../src/lib/content/schema';
import { siteSources } from '../src/lib/content/pack';
import { MAX_PACK_BYTES, parsePackFile, type PackImport } from '../src/lib/instructor/import';

/**
 * Reads a pack file for the CLIs, checking its size before reading a byte of it, and its sources and
 * quotations against the bank's, as the builder does.
 */
export function readPackFile(path: string, bank: Bank): PackImport {
	const { size } = statSync(path);
	const sources = siteSources(bank);
	if (size > MAX_PACK_BYTES) return parsePackFile('', sources, size);
	return parsePackFile(readFileSync(path, 'utf8'), sources, size);
}
