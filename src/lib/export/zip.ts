import { Deflate, deflateSync } from 'fflate';

// The zip writer of the packages (QTI 2.1, Canvas QTI 1.2, SCORM 1.2). It takes the files one at a
// time and keeps only their compressed bytes: a file's text is encoded and compressed, then let go,
// so a package of 10,000 items never holds every item as text, as UTF-8 and compressed at once.
// Compression is level 1, the fastest (its files are within a tenth of the default level's size for
// this XML): Node's own zlib where there is one (the CLI, the prerendered packs, the tests), about
// three times faster than pure JS, and fflate in the browser, which has no synchronous native deflate.
// The two write different deflate streams of the same files: what unzips is byte for byte the same.
//
// Compressing is about half of a large package's work (0.65-0.9 s of CPU for the 111 MB of XML of
// 10,000 QTI items, whatever the settings), so in Node a large package uses the second core: past
// OFF_THREAD_AFTER characters, the main thread goes on writing the next files and encoding them as
// UTF-8 into memory it shares with a worker thread, which computes the CRC-32s and deflates. When
// the worker falls behind, the main thread compresses the next file itself (the same zlib call), so
// neither thread idles while the other works; at most SLABS messages are ever unanswered. The
// main thread reads the worker's answers without its event loop (`receiveMessageOnPort`, woken by
// `Atomics.wait`), so `zipPackage` and every exporter's `render` stay synchronous: one shape for the
// page, the CLI, the prerendered packs and the tests. The worker makes the same zlib calls on the
// same bytes, so the zip is the same, byte for byte, wherever each file was compressed.
// Measured at 10,000 QTI items (December 2026, bench/README.md): asynchronous zlib (`deflateRaw`
// per file, on libuv's pool) let writing and compressing overlap too, but its cost per call (a
// stream per file) nearly doubled the CPU time and the wall time grew; `CompressionStream` costs
// more per file still. A worker fed in batches took about a third off the wall time for the same
// CPU time, once its input stopped being a new buffer (or a copy of the strings) per message.

/** The time stamp of every file in an export zip, fixed so that the same pack always gives the same bytes. */
const ZIP_TIME = new Date(2024, 10, 26);

/** The fastest level; see the note at the top. */
const LEVEL = 1;

/** What the zip format without its 64-bit extension can hold. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * A file's contents: its text; its text in parts, one after another, where a part that is the same
 * string as an earlier part of the file is encoded once and its bytes copied (a QTI item closes
 * each of its feedbacks with the same explanation and passages); or a function that writes the text
 * in pieces (for a file too large to hold as one string alongside everything else).
 */
export type ZipText = string | readonly string[] | ((write: (piece: string) => void) => void);

/** Parts shorter than this are encoded wherever they come: looking for an earlier copy costs more. */
const REPEAT_AT_LEAST = 256;

/**
 * Encodes `parts` as UTF-8 one after another into `bytes` from `at`, which has room for three bytes
 * a character, and returns where they end. A part that repeats an earlier one is copied from
 * where that one was written: the same bytes, without encoding them again.
 */
function encodeParts(
	encoder: TextEncoder,
	parts: readonly string[],
	bytes: Uint8Array,
	at: number
): number {
	const written: { part: string; at: number; end: number }[] = [];
	for (const part of parts) {
		const long = part.length >= REPEAT_AT_LEAST;
		const earlier = long ? written.find((w) => w.part === part) : undefined;
		if (earlier) {
			bytes.copyWithin(at, earlier.at, earlier.end);
			at += earlier.end - earlier.at;
			continue;
		}
		const end = at + encoder.encodeInto(part, bytes.subarray(at)).written;
		if (long) written.push({ part, at, end });
		at = end;
	}
	return at;
}

/** How many UTF-16 units the parts hold together. */
function lengthOf(parts: readonly string[]): number {
	let length = 0;
	for (const part of parts) length += part.length;
	return length;
}

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
	/**
	 * A worker thread that encodes and compresses exactly as this deflater does, or undefined where
	 * there is none (the browser, fflate) or it cannot start.
	 */
	startWorker?(): ZipWorkerThread | undefined;
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
 * A file written in pieces is compressed this many bytes at a time: pieces as small as one item
 * are gathered first, since each compression call has a cost of its own (and with Node's zlib,
 * each piece compressed apart costs a few bytes and the matches across its edges).
 */
const STREAM_BATCH = 1 << 20;

/**
 * What the main thread asks of the compressing worker, in a flat list of numbers (a code, then its
 * values). A text's UTF-8 is where the main thread wrote it in the memory the two share (`at` from
 * 0), or for a text too large for a slab of it, in a buffer of its own sent along (`at` -1 for
 * the first of `large`, -2 for the second…).
 */
const WHOLE_FILE = 0; // then the file's `at` and length in bytes
const OPEN_FILE = 1; // then the CRC-32 and size of what was compressed before (a file in pieces)
const PIECE = 2; // then the `at` and length of a piece of the open file
const CLOSE_FILE = 3;
interface WorkerRequest {
	ops: number[];
	large: Uint8Array[];
}

/**
 * The memory the main thread writes UTF-8 in for the worker, in slabs of SLAB_BYTES: one slab a
 * message, free again once answered. Shared and written in place, not a new buffer a message:
 * 111 MB of new buffers (10,000 QTI items) set off garbage collections that cost more than the copy.
 * All the slabs are the most text sent and not yet compressed: when writing runs ahead of
 * compressing, the main thread waits for a slab rather than queue the whole package's text.
 */
const SLAB_BYTES = 1 << 19;
const SLABS = 32;

/** One file compressed: the CRC-32 and size of its UTF-8 bytes, and its deflate stream in chunks. */
interface CompressedFile {
	crc: number;
	size: number;
	data: Uint8Array[];
}

/**
 * The worker's answer to one list of ops: the files it finished, in order, as CRC-32, size and
 * compressed length, their compressed bytes one after another in `bytes` (one buffer handed over,
 * not one per file); or what went wrong.
 */
type WorkerReply = { files: number[]; bytes: Uint8Array } | { error: string };

/** The main thread's end of a compressing worker. */
export interface ZipWorkerThread {
	/** The memory shared with the worker (SLABS slabs of SLAB_BYTES). */
	readonly shared: Uint8Array;
	/** Sends a request, handing over its large texts' buffers (unusable here afterwards). */
	post(request: WorkerRequest): void;
	/** Blocks until the worker answers the oldest list of ops not yet answered. */
	receive(): WorkerReply;
	/** The oldest answer if it has come, without waiting. */
	poll(): WorkerReply | undefined;
	stop(): void;
}

/**
 * The compressing worker's code (plain JavaScript, run by `new Worker(…, { eval: true })`, so it
 * needs no file of its own in any build). It does what `zipPackage` does with Node's zlib in the
 * main thread, op for op: the same batches of a file in pieces, the same calls to zlib with the
 * same options, hence the same bytes (tests/unit/export-zip.test.ts checks it). The main thread
 * encodes the text (`encodeInto`, cheaper than copying strings into another thread's heap).
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { port, replies, shared, level, streamBatch, ops: [WHOLE_FILE, OPEN_FILE, PIECE, CLOSE_FILE] } = workerData;
const whole = { level };
const flushed = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const EMPTY_LAST_BLOCK = new Uint8Array([0x03, 0x00]);
// A file in pieces is gathered here, as in the main thread, and compressed STREAM_BATCH at a time.
let bytes = new Uint8Array(1 << 16);
let length = 0;
const append = (piece) => {
	if (bytes.length < length + piece.length) {
		const grown = new Uint8Array(Math.ceil((length + piece.length) * 1.25));
		grown.set(bytes.subarray(0, length));
		bytes = grown;
	}
	bytes.set(piece, length);
	length += piece.length;
};
let open;
const compressOpen = (last) => {
	const taken = bytes.subarray(0, length);
	open.crc = zlib.crc32(taken, open.crc);
	open.size += length;
	if (length) open.data.push(zlib.deflateRawSync(taken, flushed));
	if (last) open.data.push(EMPTY_LAST_BLOCK);
	length = 0;
};
port.on('message', ({ ops, large }) => {
	const files = [];
	const data = [];
	let total = 0;
	const done = (crc, size, chunks) => {
		let compressed = 0;
		for (const chunk of chunks) {
			data.push(chunk);
			compressed += chunk.length;
		}
		files.push(crc, size, compressed);
		total += compressed;
	};
	const next = (at, size) => (at >= 0 ? shared.subarray(at, at + size) : large[-at - 1]);
	try {
		for (let i = 0; i < ops.length; ) {
			const op = ops[i++];
			if (op === WHOLE_FILE) {
				const file = next(ops[i++], ops[i++]);
				done(zlib.crc32(file), file.length, [zlib.deflateRawSync(file, whole)]);
			} else if (op === OPEN_FILE) {
				open = { crc: ops[i++], size: ops[i++], data: [] };
				length = 0;
			} else if (op === PIECE) {
				append(next(ops[i++], ops[i++]));
				if (length >= streamBatch) compressOpen(false);
			} else if (op === CLOSE_FILE) {
				compressOpen(true);
				done(open.crc, open.size, open.data);
				open = undefined;
			} else throw new Error('unknown op ' + op);
		}
		const out = new Uint8Array(total);
		let at = 0;
		for (const chunk of data) {
			out.set(chunk, at);
			at += chunk.length;
		}
		port.postMessage({ files, bytes: out }, [out.buffer]);
	} catch (error) {
		port.postMessage({ error: String((error && error.stack) || error) });
	}
	Atomics.add(replies, 0, 1);
	Atomics.notify(replies, 0);
});
`;

/** How long the main thread waits for the worker's next answer before it gives up on it. */
const WORKER_STALL_MS = 60_000;

/**
 * Node's zlib (native), or undefined outside Node. `process.getBuiltinModule` loads it without an
 * import, so this module still bundles for the browser, where there is no `process`.
 */
function zlibDeflater(): ZipDeflater | undefined {
	const builtin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
		.process?.getBuiltinModule;
	const zlib = builtin?.('node:zlib') as typeof import('node:zlib') | undefined;
	if (!zlib?.crc32 || !zlib.deflateRawSync) return undefined;
	const threads = builtin?.('node:worker_threads') as
		typeof import('node:worker_threads') | undefined;
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
		},
		startWorker: threads && (() => zlibWorkerThread(threads))
	};
}

/**
 * A worker thread running WORKER_SOURCE, answered through a port the main thread reads without its
 * event loop (`receiveMessageOnPort`), waking on a shared counter the worker bumps after each
 * answer (`Atomics.wait`): `zipPackage` stays synchronous. Undefined if the worker cannot start.
 */
function zlibWorkerThread(
	threads: typeof import('node:worker_threads')
): ZipWorkerThread | undefined {
	const { port1, port2 } = new threads.MessageChannel();
	const replies = new Int32Array(new SharedArrayBuffer(4));
	const shared = new Uint8Array(new SharedArrayBuffer(SLABS * SLAB_BYTES));
	let worker: import('node:worker_threads').Worker;
	try {
		worker = new threads.Worker(WORKER_SOURCE, {
			eval: true,
			workerData: {
				port: port2,
				replies,
				shared,
				level: LEVEL,
				streamBatch: STREAM_BATCH,
				ops: [WHOLE_FILE, OPEN_FILE, PIECE, CLOSE_FILE]
			},
			transferList: [port2]
		});
	} catch {
		port1.close();
		return undefined;
	}
	// Never what keeps a process alive, whatever happens to the zip.
	worker.unref();
	return {
		shared,
		post: (request) =>
			port1.postMessage(
				request,
				request.large.map((bytes) => bytes.buffer as ArrayBuffer)
			),
		poll: () => threads.receiveMessageOnPort(port1)?.message as WorkerReply | undefined,
		receive() {
			for (;;) {
				// Read the counter before looking, so an answer that lands in between wakes the wait.
				const seen = Atomics.load(replies, 0);
				const reply = threads.receiveMessageOnPort(port1);
				if (reply) return reply.message as WorkerReply;
				if (Atomics.wait(replies, 0, seen, WORKER_STALL_MS) === 'timed-out')
					throw new Error(
						`the zip's compressing thread gave no answer in ${WORKER_STALL_MS / 1000} s`
					);
			}
		},
		stop() {
			port1.close();
			void worker.terminate();
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
	/** The deflate stream, in the chunks it came in (`compressedSize` bytes in all). */
	data: Uint8Array[];
	compressedSize: number;
	/** Where the entry's local header starts. */
	offset: number;
}

/** A local file header's length (`central` false) or a central directory record's, name included. */
const headerLength = (entry: Entry, central: boolean) => (central ? 46 : 30) + entry.name.length;

/**
 * Writes a local file header (`central` false) or a central directory record for one entry into
 * the zip at `at`, and returns where it ends.
 */
function writeHeader(
	zip: Uint8Array,
	view: DataView,
	at: number,
	entry: Entry,
	central: boolean,
	time: number
): number {
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
		// No comment, disk 0, no attributes (all zero, as the new buffer is), then where the local
		// header starts.
		view.setUint32(at + 10, entry.offset, true);
		at += 14;
	}
	zip.set(entry.name, at);
	return at + entry.name.length;
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

	/** A file's parts (see `ZipText`), each repeat copied rather than encoded again. */
	appendParts(parts: readonly string[]): void {
		const room = this.length + lengthOf(parts) * 3;
		if (this.bytes.length < room) this.grow(room);
		this.length = encodeParts(this.encoder, parts, this.bytes, this.length);
	}

	take(): Uint8Array {
		const bytes = this.bytes.subarray(0, this.length);
		this.length = 0;
		return bytes;
	}

	/** One text's bytes alone. */
	encode(text: string | readonly string[]): Uint8Array {
		if (typeof text === 'string') this.append(text);
		else this.appendParts(text);
		return this.take();
	}

	private grow(size: number): void {
		const grown = new Uint8Array(size);
		grown.set(this.bytes.subarray(0, this.length));
		this.bytes = grown;
	}
}

/**
 * A package hands its text to the worker thread once this many characters have been handed over:
 * until then it compresses here, which for a small package (the bank, the tests' packs) is quicker
 * than starting a thread (about 50 ms on a busy machine); zlib's bytes are the same in either place.
 */
const OFF_THREAD_AFTER = 1 << 22;
/** A message goes to the worker once it holds this many bytes of UTF-8 (or its slab is full). */
const POST_BYTES = 1 << 18;
/**
 * With this many messages unanswered, the worker is behind: the main thread compresses the next
 * whole file itself rather than add to the worker's queue, so that neither thread waits for the
 * other for long, and at the end the main thread waits for a few messages' work, not for SLABS'.
 */
const BEHIND = 4;

/** How a package is compressed; the tests set these, every other caller takes the defaults. */
export interface ZipOptions {
	/** The compressor (see `defaultDeflater`). */
	deflater?: ZipDeflater;
	/** Characters of text after which the rest goes to the deflater's worker thread, if it has one. */
	offThreadAfter?: number;
}

/** A file on its way into the zip: its path, and once compressed, its bytes. */
interface Queued {
	path: string;
	/** A file in pieces: the chunks compressed before the worker took over. */
	head: Uint8Array[];
	file?: CompressedFile;
}

/**
 * Files sent to a worker thread to compress while the main thread writes the next: ops gathered
 * into messages of about POST_BYTES, at most SLABS unanswered. When the worker falls behind
 * (BEHIND), a whole file is compressed here instead (`here`, the same zlib call: the same bytes).
 * Each file's result goes to `done` in the order the files came.
 */
class OffThreadCompressor {
	/**
	 * Every file not yet handed to `done`, in order. Those without `file` are the worker's, which
	 * answers in the order they were sent.
	 */
	private readonly queue: Queued[] = [];
	private ops: number[] = [];
	private large: Uint8Array[] = [];
	/** Slabs free to write in, and the one being written: where it starts and how much it holds. */
	private readonly free = Array.from({ length: SLABS }, (_, i) => i * SLAB_BYTES);
	private slab: number;
	private used = 0;
	/** The slab of each message not yet answered, oldest first. */
	private readonly unanswered: number[] = [];
	private readonly encoder = new TextEncoder();

	constructor(
		private readonly thread: ZipWorkerThread,
		private readonly here: (text: string | readonly string[]) => CompressedFile,
		private readonly done: (path: string, file: CompressedFile) => void
	) {
		this.slab = this.free.shift()!;
	}

	whole(path: string, text: string | readonly string[]): void {
		if (this.behind()) {
			this.queue.push({ path, head: [], file: this.here(text) });
			this.handOn();
			return;
		}
		this.queue.push({ path, head: [] });
		// Encoded first: it may send the message so far and start the next.
		const [at, length] = typeof text === 'string' ? this.encode(text) : this.encodeParts(text);
		this.ops.push(WHOLE_FILE, at, length);
		if (this.used >= POST_BYTES) this.post();
	}

	/** A file in pieces, after `head` compressed here (CRC-32 `crc` over `size` bytes). */
	open(path: string, head: Uint8Array[], crc: number, size: number): void {
		this.queue.push({ path, head });
		this.ops.push(OPEN_FILE, crc, size);
	}

	piece(text: string): void {
		const [at, length] = this.encode(text);
		this.ops.push(PIECE, at, length);
		if (this.used >= POST_BYTES) this.post();
	}

	close(): void {
		this.ops.push(CLOSE_FILE);
	}

	/** Sends what is gathered and waits for every file's result. */
	finish(): void {
		this.post();
		while (this.unanswered.length) this.receive();
	}

	/** Whether the worker has BEHIND messages unanswered, once the answers already in are read. */
	private behind(): boolean {
		while (this.unanswered.length >= BEHIND) {
			const reply = this.thread.poll();
			if (!reply) return true;
			this.read(reply);
		}
		return false;
	}

	/** The text's UTF-8 written for the worker: where (`at`, see WorkerRequest) and its length. */
	private encode(text: string): [at: number, length: number] {
		// UTF-16 to UTF-8 is at most three bytes a unit: a text that might not fit goes in the next
		// slab, or in a buffer of its own if it might not fit in any.
		if (text.length * 3 > SLAB_BYTES) {
			const bytes = this.encoder.encode(text);
			this.large.push(bytes);
			this.used += bytes.length;
			return [-this.large.length, bytes.length];
		}
		if (this.used + text.length * 3 > SLAB_BYTES) this.post();
		const at = this.slab + this.used;
		const { written } = this.encoder.encodeInto(
			text,
			this.thread.shared.subarray(at, this.slab + SLAB_BYTES)
		);
		this.used += written;
		return [at, written];
	}

	/** A file's parts (see `ZipText`) as `encode` writes a text, each repeat copied. */
	private encodeParts(parts: readonly string[]): [at: number, length: number] {
		const bound = lengthOf(parts) * 3;
		if (bound > SLAB_BYTES) return this.encode(parts.join(''));
		if (this.used + bound > SLAB_BYTES) this.post();
		const at = this.slab + this.used;
		const end = encodeParts(
			this.encoder,
			parts,
			this.thread.shared.subarray(0, this.slab + SLAB_BYTES),
			at
		);
		this.used += end - at;
		return [at, end - at];
	}

	private post(): void {
		if (!this.ops.length) return;
		this.thread.post({ ops: this.ops, large: this.large });
		this.unanswered.push(this.slab);
		this.ops = [];
		this.large = [];
		while (!this.free.length) this.receive();
		this.slab = this.free.shift()!;
		this.used = 0;
	}

	private receive(): void {
		this.read(this.thread.receive());
	}

	private read(reply: WorkerReply): void {
		this.free.push(this.unanswered.shift()!);
		if ('error' in reply) throw new Error(`compressing the zip failed: ${reply.error}`);
		const { files, bytes } = reply;
		let at = 0;
		let next = 0;
		for (let i = 0; i < files.length; i += 3) {
			const [crc = 0, size = 0, compressed = 0] = files.slice(i, i + 3);
			while (this.queue[next]?.file) next++;
			const file = this.queue[next];
			if (!file)
				throw new Error('the zip’s compressing thread answered for a file it was not given');
			const data = bytes.subarray(at, (at += compressed));
			file.file = { crc, size, data: [...file.head, data] };
		}
		this.handOn();
	}

	/** Hands on the files at the front of the queue that are compressed. */
	private handOn(): void {
		for (let next = this.queue[0]; next?.file; next = this.queue[0]) {
			this.queue.shift();
			this.done(next.path, next.file);
		}
	}
}

/**
 * The zip's bytes as they are laid out: each file's local header and data, then the directory.
 * Each file's place is known as it is added; the bytes are written once, into the zip itself, at
 * the end (rather than a header array per file, 20,000 small buffers for a package of 10,000).
 */
class ZipLayout {
	private readonly encoder = new TextEncoder();
	private readonly time = dosDateTime(ZIP_TIME);
	private readonly entries: Entry[] = [];
	private offset = 0;

	/** Throws when one more file would not fit (before any work is spent on it). */
	checkRoom(): void {
		if (this.entries.length === MAX_ENTRIES)
			throw new Error(`a zip package holds at most ${MAX_ENTRIES} files`);
	}

	add(path: string, { crc, size, data }: CompressedFile): void {
		const compressedSize = data.reduce((sum, chunk) => sum + chunk.length, 0);
		if (size > MAX_BYTES || this.offset + compressedSize > MAX_BYTES)
			throw new Error(`a zip package holds at most 4 GB: ${path} does not fit`);
		const name = this.encoder.encode(path);
		const entry: Entry = {
			name,
			utf8Name: name.length !== path.length,
			crc,
			size,
			data,
			compressedSize,
			offset: this.offset
		};
		this.entries.push(entry);
		this.offset += headerLength(entry, false) + compressedSize;
	}

	bytes(): Uint8Array {
		const directoryStart = this.offset;
		let directoryLength = 0;
		for (const entry of this.entries) directoryLength += headerLength(entry, true);
		const zip = new Uint8Array(directoryStart + directoryLength + 22);
		const view = new DataView(zip.buffer);
		let at = 0;
		for (const entry of this.entries) {
			at = writeHeader(zip, view, at, entry, false, this.time);
			for (const chunk of entry.data) {
				zip.set(chunk, at);
				at += chunk.length;
			}
		}
		for (const entry of this.entries) at = writeHeader(zip, view, at, entry, true, this.time);
		// The end of the directory: how many entries (on this disk, and in all), its length and start.
		view.setUint32(at, 0x06054b50, true);
		view.setUint16(at + 8, this.entries.length, true);
		view.setUint16(at + 10, this.entries.length, true);
		view.setUint32(at + 12, directoryLength, true);
		view.setUint32(at + 16, directoryStart, true);
		return zip;
	}
}

/**
 * A zip of text files (UTF-8), given as `[path inside the zip, contents]` in the order to write
 * them. With Node's zlib, once a package is large (OFF_THREAD_AFTER) its files are compressed in a
 * worker thread while the next are written here; the bytes are the same as compressing here.
 */
export function zipPackage(
	files: Iterable<readonly [string, ZipText]>,
	{ deflater = defaultDeflater, offThreadAfter = OFF_THREAD_AFTER }: ZipOptions = {}
): Uint8Array {
	const layout = new ZipLayout();
	const utf8 = new Utf8Scratch();
	let handedOver = 0;
	let elsewhere: OffThreadCompressor | undefined;
	let thread: ZipWorkerThread | undefined;
	let triedWorker = false;
	const compressHere = (text: string | readonly string[]): CompressedFile => {
		const bytes = utf8.encode(text);
		return { crc: deflater.crc32(bytes), size: bytes.length, data: [deflater.deflate(bytes)] };
	};
	/** The worker, started once the package has handed over enough text (if it can start at all). */
	const worker = () => {
		if (!triedWorker && handedOver >= offThreadAfter && deflater.startWorker) {
			triedWorker = true;
			thread = deflater.startWorker();
			if (thread)
				elsewhere = new OffThreadCompressor(thread, compressHere, (path, file) =>
					layout.add(path, file)
				);
		}
		return elsewhere;
	};
	try {
		for (const [path, text] of files) {
			layout.checkRoom();
			if (typeof text !== 'function') {
				handedOver += typeof text === 'string' ? text.length : lengthOf(text);
				const there = worker();
				if (there) there.whole(path, text);
				else layout.add(path, compressHere(text));
				continue;
			}
			// A file in pieces: compressed here a batch at a time until the package is large enough
			// for the worker, which then takes the rest of it (and every file after it).
			const data: Uint8Array[] = [];
			let crc = 0;
			let size = 0;
			let there = worker();
			there?.open(path, [], 0, 0);
			const deflate = deflater.stream((chunk) => data.push(chunk));
			const compress = (last: boolean) => {
				const bytes = utf8.take();
				crc = deflater.crc32(bytes, crc);
				size += bytes.length;
				deflate.push(bytes, last);
			};
			text((piece) => {
				handedOver += piece.length;
				if (there) {
					there.piece(piece);
					return;
				}
				utf8.append(piece);
				if (utf8.length < STREAM_BATCH) return;
				compress(false);
				there = worker();
				there?.open(path, data, crc, size);
			});
			if (there) there.close();
			else {
				compress(true);
				layout.add(path, { crc, size, data });
			}
		}
		elsewhere?.finish();
	} finally {
		thread?.stop();
	}
	return layout.bytes();
}
