import { describe, expect, it } from 'vitest';
import { defaultDeflater, fflateDeflater, zipPackage } from '../../src/lib/export/zip';
import { unzipTextFiles } from '../helpers/xml-tree';

// The packages' zip writer, read back with fflate's unzip (which checks each file's CRC-32), with
// each compressor it has: Node's zlib (the CLI and the prerendered packs) and fflate (the browser).

describe('zipPackage', () => {
	it('compresses with Node’s own zlib in Node', () => {
		expect(defaultDeflater.name).toBe('zlib');
	});

	it.each([
		['zlib', defaultDeflater],
		['fflate (the browser’s)', fflateDeflater]
	])(
		'with %s, keeps text of every width whole, however long, as one string or written in pieces',
		(_, deflater) => {
			// Euro sign (3 bytes in UTF-8), emoji (4 bytes, a surrogate pair), é (2 bytes): more bytes
			// than characters, so the writer must grow its buffer mid-text.
			const wide = '€😀é'.repeat(70_000) + 'x'.repeat(100_000);
			const files = unzipTextFiles(
				zipPackage(
					[
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
					],
					deflater
				)
			);
			expect([...files.keys()]).toEqual([
				'short.txt',
				'wide.txt',
				'pieces.txt',
				'ünïcode name.txt'
			]);
			expect(files.get('short.txt')).toBe('hello');
			expect(files.get('wide.txt')).toBe(wide);
			expect(files.get('pieces.txt')).toBe('😀'.repeat(50_000) + 'ab' + wide);
			expect(files.get('ünïcode name.txt')).toBe('');
		}
	);
});

describe('the two compressors', () => {
	it('give the same files, byte for byte, once unzipped, a file in pieces compressed a megabyte at a time', () => {
		// About 2 MB of text, so the file written in pieces (twice that) is compressed in several batches.
		const xml = Array.from(
			{ length: 30_000 },
			(_, i) => `<item n="${i}">Text ${i % 17} &amp; “quotes” — ${'é'.repeat(i % 5)}</item>\n`
		).join('');
		const files: [string, string | ((write: (piece: string) => void) => void)][] = [
			['a.xml', xml],
			['streamed.xml', (write) => [xml, '', xml.slice(7), 'x'].forEach(write)],
			['empty.txt', '']
		];
		const byZlib = unzipTextFiles(zipPackage(files, defaultDeflater));
		const byFflate = unzipTextFiles(zipPackage(files, fflateDeflater));
		expect([...byZlib]).toEqual([...byFflate]);
		expect(byZlib.get('streamed.xml')).toBe(xml + xml.slice(7) + 'x');
	});
});
