import type { Question } from '../content/schema';

// An instructor's own questions carried whole in a share link (`own=`): JSON without the offsets the
// site works out again, deflated by the browser's own CompressionStream (no library to download), in
// base64url. Reading them back (zod and anchoring) lives in link-questions-read.ts, loaded only by a
// quiz whose link has some.

/** The format of an `own` value; a later one gets a new number. */
export const LINK_QUESTIONS_VERSION = '1';

/** A question as a link carries it: citations without the offsets and anchor the site recomputes. */
export function linkQuestion(q: Question): unknown {
	return {
		...q,
		citations: q.citations.map(({ start: _s, end: _e, anchor: _a, ...citation }) => citation)
	};
}

/** Bytes through a CompressionStream or DecompressionStream, gathered. */
async function through(
	bytes: Uint8Array<ArrayBuffer>,
	stream: CompressionStream | DecompressionStream,
	maxBytes = Infinity
): Promise<Uint8Array<ArrayBuffer>> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > maxBytes) {
			await reader.cancel();
			throw new RangeError(`more than ${maxBytes} bytes`);
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

const toBase64Url = (bytes: Uint8Array) => {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The base64url text as bytes; throws on anything else. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** The `own` value of a link that carries these questions whole. */
export async function encodeLinkQuestions(questions: readonly Question[]): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(questions.map(linkQuestion)));
	const deflated = await through(json, new CompressionStream('deflate-raw'));
	return `${LINK_QUESTIONS_VERSION}.${toBase64Url(deflated)}`;
}

/** The JSON an `own` value holds, inflated to at most `maxBytes`; throws if it is not one. */
export async function inflateLinkQuestions(own: string, maxBytes: number): Promise<unknown> {
	const [version, data = ''] = own.split('.', 2);
	if (version !== LINK_QUESTIONS_VERSION) throw new Error(`unknown format ${version}`);
	const json = await through(fromBase64Url(data), new DecompressionStream('deflate-raw'), maxBytes);
	return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
}
