import { describe, expect, it } from 'vitest';
import { zipPackage } from '../../src/lib/export/zip';
import { unzipTextFiles } from '../helpers/xml-tree';

// The packages' zip writer, read back with fflate's unzip (which checks each file's CRC-32).

describe('zipPackage', () => {
	it('keeps text of every width whole, however long, as one string or written in pieces', () => {
		// Euro sign (3 bytes in UTF-8), emoji (4 bytes, a surrogate pair), é (2 bytes): more bytes
		// than characters, so the writer must grow its buffer mid-text.
		const wide = '€😀é'.repeat(70_000) + 'x'.repeat(100_000);
		const files = unzipTextFiles(
			zipPackage([
				['short.txt', 'hello'],
				['wide.txt', wide],
				[
					'pieces.txt',
					(write) => {
						write('😀'.repeat(50_000));
						write('ab');
						write(wide);
					}
				],
				['ünïcode name.txt', '']
			])
		);
		expect([...files.keys()]).toEqual(['short.txt', 'wide.txt', 'pieces.txt', 'ünïcode name.txt']);
		expect(files.get('short.txt')).toBe('hello');
		expect(files.get('wide.txt')).toBe(wide);
		expect(files.get('pieces.txt')).toBe('😀'.repeat(50_000) + 'ab' + wide);
		expect(files.get('ünïcode name.txt')).toBe('');
	});
});
