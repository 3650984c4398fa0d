import { describe, expect, it } from 'vitest';
import {
	defaultDeflater,
	fflateDeflater,
	zipPackage,
	type ZipDeflater,
	type ZipText
} from '../../src/lib/export/zip';
import { unzipTextFiles } from '../helpers/xml-tree';

// The packages' zip writer, read back with fflate's unzip (which checks each file's CRC-32), with
// each compressor it has: Node's zlib (the CLI and the prerendered packs), in this thread or, for
// a large package, in a worker thread, and fflate (the browser).

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
					{ deflater }
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

	it('writes a file given in parts as the parts joined, a repeated part copied where it repeats', () => {
		// Like a QTI item: each feedback closes with the same explanation, the same string each time.
		const explanation = `<p>“Passage” — é ${'😀 words '.repeat(40)}</p>`;
		const item = (i: number) => [
			`<item n="${i}">`,
			explanation,
			`<feedback n="${i}">${'x'.repeat(300)}</feedback>`,
			explanation,
			'short',
			'short',
			explanation,
			'</item>'
		];
		const asParts: [string, ZipText][] = Array.from({ length: 400 }, (_, i) => [
			`items/q${i}.xml`,
			item(i)
		]);
		const asText: [string, ZipText][] = asParts.map(([path, parts]) => [
			path,
			(parts as string[]).join('')
		]);
		for (const offThreadAfter of [Infinity, 0]) {
			const zip = zipPackage(asParts, { offThreadAfter });
			expect(Buffer.compare(zip, zipPackage(asText, { offThreadAfter }))).toBe(0);
			const files = unzipTextFiles(zip);
			expect(files.get('items/q0.xml')).toBe(item(0).join(''));
			expect(files.get('items/q399.xml')).toBe(item(399).join(''));
		}
	});
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
		const byZlib = unzipTextFiles(zipPackage(files, { deflater: defaultDeflater }));
		const byFflate = unzipTextFiles(zipPackage(files, { deflater: fflateDeflater }));
		expect([...byZlib]).toEqual([...byFflate]);
		expect(byZlib.get('streamed.xml')).toBe(xml + xml.slice(7) + 'x');
	});
});

/** Node's zlib, counting the worker threads it starts and stops. */
function countingZlib() {
	const counts = { started: 0, stopped: 0 };
	const deflater: ZipDeflater = {
		...defaultDeflater,
		startWorker() {
			const thread = defaultDeflater.startWorker!();
			if (!thread) throw new Error('no worker thread in Node');
			counts.started++;
			return {
				...thread,
				stop() {
					counts.stopped++;
					thread.stop();
				}
			};
		}
	};
	return { deflater, counts };
}

describe('a large package, compressed in a worker thread while the next files are written', () => {
	// 3,000 small files like QTI items (4 M characters), then a file in pieces of 16 M characters like
	// Canvas's assessment, then a few more: more than the thread may have unanswered at once (16 M).
	const item = (i: number) =>
		`<assessmentItem identifier="q${i}">${`<p>Passage ${i % 13} “quoted” — é</p>`.repeat(20 + (i % 50))}</assessmentItem>\n`;
	const files = (): [string, ZipText][] => [
		...Array.from({ length: 3_000 }, (_, i): [string, ZipText] => [`items/q${i}.xml`, item(i)]),
		// Larger than the room a message has left, and than a whole message: sent apart.
		...Array.from({ length: 5 }, (_, i): [string, ZipText] => [
			`large${i}.xml`,
			item(i).repeat(60)
		]),
		['huge.xml', item(5).repeat(200)],
		[
			'assessment.xml',
			(write) => {
				for (let i = 0; i < 9_000; i++) write(item(i).repeat(i % 7 === 0 ? 3 : 1));
				write(item(9).repeat(200));
			}
		],
		['empty.txt', ''],
		['last.xml', item(7)]
	];

	it('gives the same bytes as compressing in this thread, the files in their order', () => {
		const here = zipPackage(files(), { offThreadAfter: Infinity });
		const { deflater, counts } = countingZlib();
		// From the first file, and from the middle of the file in pieces (after its first megabytes).
		const fromTheStart = zipPackage(files(), { deflater, offThreadAfter: 0 });
		const midway = zipPackage(files(), { deflater, offThreadAfter: 5_500_000 });
		expect(counts).toEqual({ started: 2, stopped: 2 });
		// Compared as buffers: toEqual walks 8 MB an element at a time.
		expect(Buffer.compare(fromTheStart, here)).toBe(0);
		expect(Buffer.compare(midway, here)).toBe(0);
		const unzipped = unzipTextFiles(fromTheStart);
		expect([...unzipped.keys()]).toEqual(files().map(([path]) => path));
		expect(unzipped.get('items/q2999.xml')).toBe(item(2999));
		expect(unzipped.get('last.xml')).toBe(item(7));
		expect(unzipped.get('huge.xml')).toBe(item(5).repeat(200));
	});

	it('compresses files here while the thread is behind, and still writes them in their order', () => {
		const here = zipPackage(files(), { offThreadAfter: Infinity });
		// A thread that never seems to have answered when asked in passing: once it has a few
		// messages to answer, every whole file after that is compressed here.
		const compressed = { here: 0, sent: 0 };
		const deflater: ZipDeflater = {
			...defaultDeflater,
			deflate(bytes) {
				compressed.here++;
				return defaultDeflater.deflate(bytes);
			},
			startWorker() {
				const thread = defaultDeflater.startWorker!();
				if (!thread) throw new Error('no worker thread in Node');
				return {
					...thread,
					poll: () => undefined,
					post(request) {
						compressed.sent += request.ops.length;
						thread.post(request);
					}
				};
			}
		};
		const mixed = zipPackage(files(), { deflater, offThreadAfter: 0 });
		expect(compressed.sent).toBeGreaterThan(0);
		expect(compressed.here).toBeGreaterThan(2_000);
		expect(Buffer.compare(mixed, here)).toBe(0);
		expect([...unzipTextFiles(mixed).keys()]).toEqual(files().map(([path]) => path));
	});

	it('starts no thread for a small package', () => {
		const { deflater, counts } = countingZlib();
		zipPackage(files().slice(0, 50), { deflater });
		expect(counts.started).toBe(0);
	});

	it('stops its thread and passes on the error when writing a file fails', () => {
		const { deflater, counts } = countingZlib();
		const failing: [string, ZipText][] = [
			...files().slice(0, 100),
			[
				'broken.xml',
				(write) => {
					write(item(1));
					throw new Error('question q-broken: no correct option');
				}
			]
		];
		expect(() => zipPackage(failing, { deflater, offThreadAfter: 0 })).toThrow(
			'question q-broken: no correct option'
		);
		expect(counts).toEqual({ started: 1, stopped: 1 });
	});
});
