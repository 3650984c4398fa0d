import { Deflate, deflateSync } from 'fflate';

// The zip writer of the packages (QTI 2.1, Canvas QTI 1.2, SCORM 1.2). It takes the files one at a
// time and keeps only their compressed bytes: a file's text is encoded and compressed, then let go,
// so a package of 10,000 items never holds every item as text, as UTF-8 and compressed at once.
// Compression is level 1, the fastest (its files are within a tenth of the default level's size for
// this XML): Node's own zlib where there is one (the CLI, the prerendered packs, the tests), about
// three times faster than pure JS, and fflate in the browser, which has no synchronous native deflate.
// The two write different deflate streams of the same files: what unzips is byte for byte the same.

/** The time stamp of every file in an export zip, fixed so that the same pack always gives the same bytes. */
const ZIP_TIME = new Date(2024, 10, 26);

/** The fastest level; see the note at the top. */
const LEVEL = 1;

/** What the zip format without its 64-bit extension can hold. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * A file's contents: its text, or a function that writes the text in pieces (for a file too large
 * to hold as one string alongside everything else).
 */
export type ZipText = string | ((write: (piece: string) => void) => void);

const CRC_TABLE = (() => {
	const table = new Int32Array(256 * 8);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c;
	}
	// Slicing by 8: each further table advances a byte seen 1…7 bytes earlier.
	for (let n = 0; n < 256; n++)
		for (let t = 1; t < 8; t++) {
			const previous = table[(t - 1) * 256 + n]!;
			table[t * 256 + n] = table[previous & 0xff]! ^ (previous >>> 8);
		}
	return table;
})();

/** The CRC-32 of `bytes` continued from `crc` (0 to start), as zip files record it. */
export function crc32(bytes: Uint8Array, crc = 0): number {
	const t = CRC_TABLE;
	let c = ~crc;
	let i = 0;
	const whole = bytes.length - (bytes.length % 8);
	for (; i < whole; i += 8) {
		const a =
			(c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) | 0;
		c =
			t[1792 + (a & 0xff)]! ^
			t[1536 + ((a >>> 8) & 0xff)]! ^
			t[1280 + ((a >>> 16) & 0xff)]! ^
			t[1024 + (a >>> 24)]! ^
			t[768 + bytes[i + 4]!]! ^
			t[512 + bytes[i + 5]!]! ^
			t[256 + bytes[i + 6]!]! ^
			t[bytes[i + 7]!]!;
	}
	for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
	return ~c >>> 0;
}

/**
 * Raw deflate (RFC 1951) and CRC-32 for the zip writer: a whole file at once, or a file given in
 * pieces, each piece's compressed bytes handed on as they are made.
 */
export interface ZipDeflater {
	/** Where the bytes come from, for the tests and the bench: "fflate" or "zlib". */
	readonly name: string;
	crc32(bytes: Uint8Array, crc?: number): number;
	deflate(bytes: Uint8Array): Uint8Array;
	/** A stream for one file: `push` each piece of its bytes, `last` set on the final one. */
	stream(emit: (chunk: Uint8Array) => void): { push(bytes: Uint8Array, last: boolean): void };
}

/** fflate (pure JS): in the browser, and wherever Node's zlib is not there. */
export const fflateDeflater: ZipDeflater = {
	name: 'fflate',
	crc32,
	deflate: (bytes) => deflateSync(bytes, { level: LEVEL }),
	stream(emit) {
		const deflate = new Deflate({ level: LEVEL }, (chunk) => emit(chunk));
		return { push: (bytes, last) => deflate.push(bytes, last) };
	}
};

/**
 * A deflate stream's last block with nothing in it (fixed Huffman codes, end of block at once): after
 * a piece deflated on its own and flushed to a byte boundary, it ends the stream.
 */
const EMPTY_LAST_BLOCK = new Uint8Array([0x03, 0x00]);

/**
 * Node's zlib (native), or undefined outside Node. `process.getBuiltinModule` loads it without an
 * import, so this module still bundles for the browser, where there is no `process`.
 */
function zlibDeflater(): ZipDeflater | undefined {
	const zlib = (
		globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
	).process?.getBuiltinModule?.('node:zlib') as typeof import('node:zlib') | undefined;
	if (!zlib?.crc32 || !zlib.deflateRawSync) return undefined;
	const whole = { level: LEVEL };
	// Each piece is deflated on its own and ends on a byte boundary (a sync flush, no last block),
	// so the pieces join into one stream; EMPTY_LAST_BLOCK then ends it. A piece's matches reach
	// back only within the piece: a few bytes more per piece of a few hundred kilobytes.
	const piece = { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH };
	// zlib hands back a view of its 16 kB output buffer: a small file's few compressed kilobytes are
	// copied out, or 10,000 of them would hold on to 160 MB until the zip is joined.
	const own = (bytes: Uint8Array) =>
		bytes.byteLength * 2 < bytes.buffer.byteLength ? new Uint8Array(bytes) : bytes;
	return {
		name: 'zlib',
		crc32: (bytes, crc = 0) => zlib.crc32(bytes, crc),
		deflate: (bytes) => own(zlib.deflateRawSync(bytes, whole)),
		stream(emit) {
			return {
				push(bytes, last) {
					if (bytes.length) emit(own(zlib.deflateRawSync(bytes, piece)));
					if (last) emit(EMPTY_LAST_BLOCK);
				}
			};
		}
	};
}

/** What `zipPackage` compresses with unless told otherwise: Node's zlib where there is one, else fflate. */
export const defaultDeflater: ZipDeflater = zlibDeflater() ?? fflateDeflater;

/** The date and time as MS-DOS writes them in a zip header: time in the low 16 bits, date in the high. */
function dosDateTime(date: Date): number {
	return (
		(((date.getFullYear() - 1980) << 25) |
			((date.getMonth() + 1) << 21) |
			(date.getDate() << 16) |
			(date.getHours() << 11) |
			(date.getMinutes() << 5) |
			(date.getSeconds() >> 1)) >>>
		0
	);
}

interface Entry {
	name: Uint8Array;
	utf8Name: boolean;
	crc: number;
	size: number;
	compressedSize: number;
	offset: number;
}

/** A local file header (`central` false) or a central directory record for one entry. */
function header(entry: Entry, central: boolean, time: number): Uint8Array {
	const bytes = new Uint8Array((central ? 46 : 30) + entry.name.length);
	const view = new DataView(bytes.buffer);
	let at = 0;
	view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
	at += 4;
	if (central) {
		view.setUint16(at, 20, true); // made by: MS-DOS, zip 2.0
		at += 2;
	}
	view.setUint16(at, 20, true); // needed to extract: zip 2.0 (deflate)
	view.setUint16(at + 2, entry.utf8Name ? 0x800 : 0, true);
	view.setUint16(at + 4, 8, true); // deflate
	view.setUint32(at + 6, time, true);
	view.setUint32(at + 10, entry.crc, true);
	view.setUint32(at + 14, entry.compressedSize, true);
	view.setUint32(at + 18, entry.size, true);
	view.setUint16(at + 22, entry.name.length, true);
	view.setUint16(at + 24, 0, true); // no extra field
	at += 26;
	if (central) {
		// No comment, disk 0, no attributes, then where the local header starts.
		view.setUint32(at + 10, entry.offset, true);
		at += 14;
	}
	bytes.set(entry.name, at);
	return bytes;
}

/**
 * Text as UTF-8 in one buffer kept from file to file: `encodeInto` writes into it where `encode`
 * would make a new array per file (several times slower for 10,000 small files). Text is added at
 * the end of what the buffer holds (`append`) until `take` hands the bytes over and empties it;
 * they are overwritten by what comes next, so they are compressed before that.
 */
class Utf8Scratch {
	private readonly encoder = new TextEncoder();
	private bytes = new Uint8Array(1 << 16);
	/** How many bytes the buffer holds. */
	length = 0;

	append(text: string): void {
		// Most text here is one byte a character: make room for that and grow when it is not.
		if (this.bytes.length < this.length + text.length + 16)
			this.grow(Math.ceil((this.length + text.length) * 1.25) + 16);
		let read = 0;
		for (;;) {
			const done = this.encoder.encodeInto(
				read ? text.slice(read) : text,
				this.bytes.subarray(this.length)
			);
			read += done.read;
			this.length += done.written;
			if (read >= text.length) return;
			this.grow(this.bytes.length * 2);
		}
	}

	take(): Uint8Array {
		const bytes = this.bytes.subarray(0, this.length);
		this.length = 0;
		return bytes;
	}

	/** One text's bytes alone. */
	encode(text: string): Uint8Array {
		this.append(text);
		return this.take();
	}

	private grow(size: number): void {
		const grown = new Uint8Array(size);
		grown.set(this.bytes.subarray(0, this.length));
		this.bytes = grown;
	}
}

/**
 * A file written in pieces is compressed this many bytes at a time: pieces as small as one item
 * are gathered first, since each compression call has a cost of its own (and with Node's zlib,
 * each piece compressed apart costs a few bytes and the matches across its edges).
 */
const STREAM_BATCH = 1 << 20;

/**
 * A zip of text files (UTF-8), given as `[path inside the zip, contents]` in the order to write
 * them, compressed with `deflater` (see `defaultDeflater`).
 */
export function zipPackage(
	files: Iterable<readonly [string, ZipText]>,
	deflater: ZipDeflater = defaultDeflater
): Uint8Array {
	const encoder = new TextEncoder();
	const utf8 = new Utf8Scratch();
	const time = dosDateTime(ZIP_TIME);
	const parts: Uint8Array[] = [];
	const entries: Entry[] = [];
	let offset = 0;
	const add = (part: Uint8Array) => {
		parts.push(part);
		offset += part.length;
	};
	for (const [path, text] of files) {
		if (entries.length === MAX_ENTRIES)
			throw new Error(`a zip package holds at most ${MAX_ENTRIES} files`);
		const data: Uint8Array[] = [];
		let crc = 0;
		let size = 0;
		if (typeof text === 'string') {
			const bytes = utf8.encode(text);
			crc = deflater.crc32(bytes);
			size = bytes.length;
			data.push(deflater.deflate(bytes));
		} else {
			const deflate = deflater.stream((chunk) => data.push(chunk));
			const compress = (last: boolean) => {
				const bytes = utf8.take();
				crc = deflater.crc32(bytes, crc);
				size += bytes.length;
				deflate.push(bytes, last);
			};
			text((piece) => {
				utf8.append(piece);
				if (utf8.length >= STREAM_BATCH) compress(false);
			});
			compress(true);
		}
		const compressedSize = data.reduce((sum, chunk) => sum + chunk.length, 0);
		if (size > MAX_BYTES || offset + compressedSize > MAX_BYTES)
			throw new Error(`a zip package holds at most 4 GB: ${path} does not fit`);
		const name = encoder.encode(path);
		const entry = {
			name,
			utf8Name: name.length !== path.length,
			crc,
			size,
			compressedSize,
			offset
		};
		entries.push(entry);
		add(header(entry, false, time));
		for (const chunk of data) add(chunk);
	}
	const directoryStart = offset;
	for (const entry of entries) add(header(entry, true, time));
	const end = new Uint8Array(22);
	const view = new DataView(end.buffer);
	view.setUint32(0, 0x06054b50, true);
	view.setUint16(8, entries.length, true);
	view.setUint16(10, entries.length, true);
	view.setUint32(12, offset - directoryStart, true);
	view.setUint32(16, directoryStart, true);
	add(end);

	const zip = new Uint8Array(offset);
	let at = 0;
	for (const part of parts) {
		zip.set(part, at);
		at += part.length;
	}
	return zip;
}
