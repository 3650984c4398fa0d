/**
 * The one XML writer of the exports (QTI 2.1, Canvas QTI 1.2, Moodle XML): documents are described
 * as light trees and escaped when written, so no text from a pack can ever become markup. A tree
 * keeps its attributes and children as the caller gave them (nested arrays, `false` for none), and
 * the writer walks it once into a list of pieces joined at the end. Documents made by the
 * thousand (a QTI item per question, Canvas's items) are written straight to strings instead, in
 * the same layout and with the same escaping (`XmlMarkupWriter`): at 10,000 questions building
 * and walking their trees cost more than the text.
 */

/** An element, a comment, a CDATA section, or text (escaped when written). */
export type XmlNode = XmlElement | XmlComment | XmlCData | string;

export interface XmlElement {
	readonly type: 'element';
	readonly name: string;
	/** As the caller gave them: written in this order, an `undefined` value left out. */
	readonly attributes: XmlAttributes;
	/** As the caller gave them: `false`, `null` and `undefined` skipped, arrays flattened when written. */
	readonly children: readonly XmlChild[];
}

export interface XmlComment {
	readonly type: 'comment';
	readonly text: string;
}

/** Text kept as written inside `<![CDATA[…]]>`, for readers that expect CDATA. */
export interface XmlCData {
	readonly type: 'cdata';
	readonly text: string;
}

/** Attribute values; `undefined` leaves the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** A child as callers write it: `false`, `null` and `undefined` are skipped, arrays are flattened. */
export type XmlChild = XmlNode | false | null | undefined | readonly XmlChild[];

/** The namespace of `xsi:schemaLocation`, which every QTI document declares. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** A character XML 1.0 cannot hold: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu');

/**
 * A quick first look, without the `u` flag: no match means the text holds no character XML cannot
 * hold. It matches every surrogate, paired or not, so text with an emoji takes the careful look.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Text that needs nothing done to it as an element's text: none of `& < >`, nothing XML cannot hold. */
// eslint-disable-next-line no-control-regex -- as above
const PLAIN_TEXT = /^[^&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;
/** The same for an attribute value, which also escapes `"`, tab and line breaks. */
const PLAIN_ATTRIBUTE =
	// eslint-disable-next-line no-control-regex -- as above
	/^[^&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

/**
 * The text with every character XML cannot hold (not even in CDATA or a comment) replaced by
 * U+FFFD, or the file would not parse. Every XML export uses this one policy. Replaced rather than
 * dropped: a dropped character would silently join the words on either side, while U+FFFD shows
 * the reader that a character was lost there.
 */
function xmlChars(text: string): string {
	return MAYBE_NOT_XML.test(text) && NOT_XML_CHAR.test(text)
		? text.replace(NOT_XML_CHARS, '\uFFFD')
		: text;
}

/** Text content with `&`, `<` and `>` escaped (`>` too, so `]]>` never appears). */
export function escapeXmlText(text: string): string {
	if (PLAIN_TEXT.test(text)) return text;
	return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for double quotes; tab and line breaks as character references so they survive. */
export function escapeXmlAttribute(text: string): string {
	if (PLAIN_ATTRIBUTE.test(text)) return text;
	return escapeXmlText(text)
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#9;')
		.replace(/\n/g, '&#10;')
		.replace(/\r/g, '&#13;');
}

/** Text for inside `<!-- -->`: a `--` is broken up, since XML forbids it in comments. */
function xmlCommentText(text: string): string {
	let safe = xmlChars(text);
	while (safe.includes('--')) safe = safe.replace(/--/g, '- -');
	return safe;
}

/**
 * Text as CDATA, a `]]>` inside it split across two sections so that it cannot end the section
 * early. Exported for writers that build a document's markup as strings (see `commentMarkup`).
 */
export function cdataSection(text: string): string {
	return `<![CDATA[${cdataContent(text)}]]>`;
}

/** What goes between `<![CDATA[` and `]]>` for a text (see `cdataSection`). */
export function cdataContent(text: string): string {
	const safe = xmlChars(text);
	return safe.includes(']]>') ? safe.replaceAll(']]>', ']]]]><![CDATA[>') : safe;
}

/**
 * A comment as markup, `<!-- text -->`, written as `comment` is. For writers that build a large
 * document's markup as strings rather than trees (Moodle XML): at 10,000 questions a tree and its
 * walk cost several times the text itself. Such writers escape every text with `escapeXmlText`,
 * `escapeXmlAttribute` or `cdataSection`, so no text from a pack can become markup there either.
 */
export function commentMarkup(text: string): string {
	return `<!-- ${xmlCommentText(text)} -->`;
}

/** An element with its attributes (in the order given) and children. */
export function element(
	name: string,
	attributes: XmlAttributes = {},
	children: readonly XmlChild[] = []
): XmlElement {
	return { type: 'element', name, attributes, children };
}

/** An element holding one value as its text, e.g. `<defaultgrade>1</defaultgrade>`. */
export function valueElement(name: string, value: string | number | boolean): XmlElement {
	return element(name, {}, [String(value)]);
}

/** A comment; a `--` inside the text is broken up, since XML forbids it in comments. */
export function comment(text: string): XmlComment {
	return { type: 'comment', text };
}

/** Text written as a CDATA section rather than escaped (for readers that expect CDATA, like Moodle's). */
export function cdata(text: string): XmlCData {
	return { type: 'cdata', text };
}

/**
 * Pieces of a document, joined in chunks so that no one list grows to millions of entries (one
 * join of a 200,000-piece list took half the time of writing a QTI manifest). With a `sink` (a file
 * too large to hold whole, see `ZipText`), each chunk is handed to it instead of kept.
 */
class XmlOutput {
	pieces: string[] = [];
	private chunks: string[] = [];

	constructor(
		/** How many pieces make a chunk. */
		private readonly chunkSize = 16_384,
		private readonly sink?: (chunk: string) => void
	) {}

	/** Joins the pieces so far into one chunk once there are many of them. */
	settle(): void {
		if (this.pieces.length >= this.chunkSize) this.flush();
	}

	flush(): void {
		const chunk = this.pieces.join('');
		this.pieces = [];
		if (this.sink) this.sink(chunk);
		else this.chunks.push(chunk);
	}

	/**
	 * `written` as a part of its own, after the pieces before it joined: markup written several
	 * times into one document stays one string, which `parts` hands on as it is.
	 */
	part(written: string): void {
		if (this.pieces.length) this.flush();
		this.chunks.push(written);
	}

	/** Everything written, in the parts `part` made: joined, they are `text()`. */
	parts(): string[] {
		if (this.pieces.length) this.flush();
		return this.chunks;
	}

	/** Everything written and not handed to the sink, as one string. */
	text(): string {
		const rest = this.pieces.join('');
		// One join of every chunk: `chunks.join('') + rest` made a rope, which whoever read the text
		// first (the zip's UTF-8 encoding) had to flatten, at three times the join's cost.
		return this.chunks.length === 0 ? rest : this.chunks.concat(rest).join('');
	}
}

const pads: string[] = [''];
/** Two spaces per level, made once per depth. */
function pad(depth: number): string {
	while (pads.length <= depth) pads.push(`${pads[pads.length - 1]}  `);
	return pads[depth]!;
}

/** Whether any child, arrays flattened, is text or CDATA: such an element is written on one line. */
function holdsText(children: readonly XmlChild[]): boolean {
	for (const child of children) {
		if (typeof child === 'string') return true;
		if (child === false || child === null || child === undefined) continue;
		if (Array.isArray(child)) {
			if (holdsText(child)) return true;
		} else if ((child as Exclude<XmlNode, string>).type === 'cdata') return true;
	}
	return false;
}

/** Whether any child is left once `false`, `null`, `undefined` and empty arrays are skipped. */
function holdsAny(children: readonly XmlChild[]): boolean {
	for (const child of children) {
		if (child === false || child === null || child === undefined) continue;
		if (Array.isArray(child)) {
			if (holdsAny(child)) return true;
		} else {
			return true;
		}
	}
	return false;
}

/** The children in order, arrays flattened; in a block each goes on a line of its own at `depth`. */
function writeChildren(
	children: readonly XmlChild[],
	depth: number,
	block: boolean,
	out: XmlOutput
): void {
	for (const child of children) {
		if (child === false || child === null || child === undefined) continue;
		if (Array.isArray(child)) {
			writeChildren(child, depth, block, out);
			continue;
		}
		writeNode(child as XmlNode, depth, out, block);
	}
}

/**
 * Markup that depends only on the depth and a name, made once: `\n    <name`, `\n    </name>`,
 * `</name>` and ` name="`. A document is then about a third as many pieces to join, which is most
 * of what writing it costs at 10,000 items.
 */
class MarkupPieces {
	private readonly lineStarts = new Map<string, string[]>();
	private readonly starts = new Map<string, string[]>();
	private readonly lineEnds = new Map<string, string[]>();
	private readonly ends = new Map<string, string>();
	private readonly attributes = new Map<string, string>();

	/** `<name` after its indent, on a new line when `lineBreak`. */
	start(name: string, depth: number, lineBreak: boolean): string {
		const byDepth = atDepths(lineBreak ? this.lineStarts : this.starts, name);
		return (byDepth[depth] ??= `${lineBreak ? '\n' : ''}${pad(depth)}<${name}`);
	}

	/** `</name>` on a line of its own at `depth`. */
	endOnLine(name: string, depth: number): string {
		return (atDepths(this.lineEnds, name)[depth] ??= `\n${pad(depth)}</${name}>`);
	}

	/** `</name>` right after the element's text. */
	endInline(name: string): string {
		return once(this.ends, name, () => `</${name}>`);
	}

	/** ` name="`, before an attribute's value. */
	attribute(name: string): string {
		return once(this.attributes, name, () => ` ${name}="`);
	}
}

function atDepths(made: Map<string, string[]>, name: string): string[] {
	let byDepth = made.get(name);
	if (!byDepth) made.set(name, (byDepth = []));
	return byDepth;
}

function once(made: Map<string, string>, name: string, make: () => string): string {
	let piece = made.get(name);
	if (piece === undefined) made.set(name, (piece = make()));
	return piece;
}

/** Shared by every document: the pieces are the same strings whatever the document. */
const markup = new MarkupPieces();

function writeNode(node: XmlNode, depth: number, out: XmlOutput, lineBreak = false): void {
	const pieces = out.pieces;
	if (lineBreak) pieces.push('\n');
	if (typeof node === 'string') {
		pieces.push(pad(depth), escapeXmlText(node));
		return;
	}
	switch (node.type) {
		case 'cdata':
			pieces.push(pad(depth), cdataSection(node.text));
			return;
		case 'comment':
			pieces.push(pad(depth), '<!-- ', xmlCommentText(node.text), ' -->');
			return;
		case 'element':
			break;
	}
	// The line break is part of the element's first piece.
	if (lineBreak) pieces.pop();
	const name = node.name;
	pieces.push(markup.start(name, depth, lineBreak));
	const attributes = node.attributes;
	for (const key in attributes) {
		const value = attributes[key];
		if (value !== undefined)
			pieces.push(markup.attribute(key), escapeXmlAttribute(String(value)), '"');
	}
	const children = node.children;
	if (!holdsAny(children)) {
		pieces.push('/>');
		return;
	}
	// Text children (alone or mixed with elements) are written inline: indenting them would change the text.
	if (holdsText(children)) {
		pieces.push('>');
		writeChildren(children, 0, false, out);
		out.pieces.push(markup.endInline(name));
		return;
	}
	pieces.push('>');
	writeChildren(children, depth + 1, true, out);
	out.pieces.push(markup.endOnLine(name, depth));
	out.settle();
}

function writeDocument(root: XmlElement, leadingComments: readonly XmlComment[], out: XmlOutput) {
	out.pieces.push('<?xml version="1.0" encoding="UTF-8"?>');
	for (const c of leadingComments) {
		out.pieces.push('\n');
		writeNode(c, 0, out);
	}
	out.pieces.push('\n');
	writeNode(root, 0, out);
	out.pieces.push('\n');
}

/** A whole UTF-8 document: the declaration, any leading comments, then the root element. */
export function xmlDocument(root: XmlElement, leadingComments: readonly XmlComment[] = []): string {
	const out = new XmlOutput();
	writeDocument(root, leadingComments, out);
	return out.text();
}

/** ` key="value"` for each attribute whose value is not `undefined`, in order, each value escaped. */
export function attributesMarkup(attributes: XmlAttributes): string {
	let written = '';
	for (const key in attributes) {
		const value = attributes[key];
		if (value !== undefined)
			written += `${markup.attribute(key)}${escapeXmlAttribute(String(value))}"`;
	}
	return written;
}

/** How a writer lays out its elements. */
export interface XmlLayout {
	/**
	 * Two spaces a level before each element, as `xmlDocument` writes (true), or every element at
	 * the start of its line: the same document to any XML reader, and about a twelfth fewer bytes
	 * for a QTI 2.1 item.
	 */
	indent: boolean;
}

/**
 * A document's markup written straight to strings, element by element, in the layout
 * `xmlDocument` gives the same tree: each element on a line of its own, indented two spaces a
 * level (unless `layout.indent` is false); an element with text on one line; one with nothing in
 * it as `<name/>`. For a writer that makes thousands of documents (a QTI 2.1 item per question),
 * where building each tree and then walking it costs several times the text. Every text and
 * attribute value is escaped as the tree writer escapes it, so no text from a pack can become
 * markup.
 */
export class XmlMarkupWriter {
	private readonly out: XmlOutput;
	private depth = 0;

	/**
	 * With a `sink` (a file too large to hold whole, see `ZipText`), `settle` hands it what is
	 * written so far.
	 */
	constructor(
		private readonly sink?: (chunk: string) => void,
		private readonly layout: XmlLayout = { indent: true }
	) {
		this.out = new XmlOutput(1024, sink);
	}

	/** The indent of the next element: its depth, or none. */
	private get indent(): number {
		return this.layout.indent ? this.depth : 0;
	}

	/**
	 * Joins the pieces so far once there are about an item's worth, and hands them to the sink if
	 * there is one: small strings, made and let go while young, where joining a few hundred
	 * kilobytes at a time cost more than writing the markup (the zip gathers them before
	 * compressing).
	 */
	settle(): this {
		this.out.settle();
		return this;
	}

	/** Ends the document (see `document`) and hands what is left of it to the sink. */
	finish(): void {
		if (!this.sink) throw new Error('finish() is for a writer with a sink; use document()');
		this.close();
		this.out.flush();
	}

	/** `<!-- text -->` on a new line (a `--` in the text broken up). */
	comment(text: string): this {
		this.out.pieces.push('\n', pad(this.indent), commentMarkup(text));
		return this;
	}

	/** The XML declaration and each comment on a line of its own, as `xmlDocument` starts a document. */
	prologue(leadingComments: readonly string[] = []): this {
		this.out.pieces.push('<?xml version="1.0" encoding="UTF-8"?>');
		for (const text of leadingComments) this.out.pieces.push('\n', commentMarkup(text));
		return this;
	}

	/** `<name attributes>` on a new line; what follows goes a level deeper until `end(name)`. */
	start(name: string, attributes?: XmlAttributes): this {
		this.out.pieces.push(markup.start(name, this.indent, true));
		if (attributes) this.out.pieces.push(attributesMarkup(attributes));
		this.out.pieces.push('>');
		this.depth++;
		return this;
	}

	/** `</name>` on a new line, closing the element `start(name)` opened. */
	end(name: string): this {
		this.depth--;
		this.out.pieces.push(markup.endOnLine(name, this.indent));
		return this;
	}

	/** `<name attributes/>` on a new line. */
	empty(name: string, attributes?: XmlAttributes): this {
		this.out.pieces.push(markup.start(name, this.indent, true));
		if (attributes) this.out.pieces.push(attributesMarkup(attributes));
		this.out.pieces.push('/>');
		return this;
	}

	/**
	 * `<name attributes>text</name>` on a new line, the text escaped; `inlineAfter` is markup that
	 * follows the text inside the element (made with `inlineElementMarkup`).
	 */
	text(name: string, attributes: XmlAttributes | undefined, text: string, inlineAfter = ''): this {
		this.out.pieces.push(markup.start(name, this.indent, true));
		if (attributes) this.out.pieces.push(attributesMarkup(attributes));
		this.out.pieces.push('>', escapeXmlText(text), inlineAfter, markup.endInline(name));
		return this;
	}

	/** The depth the next element goes at, for markup made once and written again (see `markup`). */
	get level(): number {
		return this.depth;
	}

	/** Markup made by another writer started at the same level (see `level`), written as it is. */
	markup(written: string): this {
		this.out.pieces.push(written);
		return this;
	}

	/**
	 * Markup made by another writer (see `level`) and written several times into this document, such
	 * as the explanation that closes each of a QTI item's feedbacks: kept as one string, so that the
	 * document's `documentParts` repeat it rather than copy it into each place.
	 */
	repeated(written: string): this {
		if (this.sink) this.out.pieces.push(written);
		else this.out.part(written);
		return this;
	}

	/** Everything written, ending with a line break as `xmlDocument` ends a document. */
	document(): string {
		this.close();
		return this.out.text();
	}

	/**
	 * The document as `document()` gives it, in parts: each `repeated` markup on its own, the same
	 * string wherever it repeats (for the zip, which encodes it once; see `ZipText`).
	 */
	documentParts(): string[] {
		this.close();
		return this.out.parts();
	}

	/** Everything written so far, with no line break after it (a piece of a document). */
	written(): string {
		return this.out.text();
	}

	/** The line break that ends a document, once every element started has been ended. */
	private close(): void {
		if (this.depth !== 0) throw new Error('an element was started and not ended');
		this.out.pieces.push('\n');
	}

	/**
	 * A writer whose elements go at `depth`, laid out as this one's, for markup made once and
	 * written into several places (see `level` and `markup`).
	 */
	at(depth: number): XmlMarkupWriter {
		const writer = new XmlMarkupWriter(undefined, this.layout);
		writer.depth = depth;
		return writer;
	}
}

/** An element inside text, on the same line: `<name attributes>` then `inner` (markup) then `</name>`. */
export function inlineElementMarkup(
	name: string,
	attributes: XmlAttributes,
	inner: string
): string {
	return `<${name}${attributesMarkup(attributes)}>${inner}</${name}>`;
}
