import { readFileSync, statSync } from 'node:fs';
import { MAX_PACK_BYTES, parsePackFile, type PackImport } from '../src/lib/instructor/import';

/** Reads a pack file for the CLIs, checking its size before reading a byte of it. */
export function readPackFile(path: string): PackImport {
	const { size } = statSync(path);
	if (size > MAX_PACK_BYTES) return parsePackFile('', size);
	return parsePackFile(readFileSync(path, 'utf8'), size);
}
