/**
 * The one XML writer of the exports (QTI 2.1, Canvas QTI 1.2, Moodle XML): documents are built as
 * trees and escaped when written, so no text from a pack can ever become markup.
 */

/** An element, a comment, a CDATA section, or text (a plain string, escaped when written). */
export type XmlNode = XmlElement | XmlComment | XmlCData | string;

export interface XmlElement {
	readonly type: 'element';
	readonly name: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: readonly XmlNode[];
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
 * The text with every character XML cannot hold (not even in CDATA or a comment) replaced by
 * U+FFFD, or the file would not parse. Every XML export uses this one policy. Replaced rather than
 * dropped: a dropped character would silently join the words on either side, while U+FFFD shows
 * the reader that a character was lost there.
 */
function xmlChars(text: string): string {
	return NOT_XML_CHAR.test(text) ? text.replace(NOT_XML_CHARS, '\uFFFD') : text;
}

/** Text content with `&`, `<` and `>` escaped (`>` too, so `]]>` never appears). */
export function escapeXmlText(text: string): string {
	return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for double quotes; tab and line breaks as character references so they survive. */
export function escapeXmlAttribute(text: string): string {
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

/** Text as CDATA, a `]]>` inside it split across two sections so that it cannot end the section early. */
function cdataText(text: string): string {
	return `<![CDATA[${xmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function flatten(children: readonly XmlChild[]): XmlNode[] {
	return children.flatMap((child): XmlNode[] => {
		if (child === false || child === null || child === undefined) return [];
		if (Array.isArray(child)) return flatten(child);
		return [child as XmlNode];
	});
}

/** An element with its attributes (in the order given) and children. */
export function element(
	name: string,
	attributes: XmlAttributes = {},
	children: readonly XmlChild[] = []
): XmlElement {
	const written: Record<string, string> = {};
	for (const [key, value] of Object.entries(attributes))
		if (value !== undefined) written[key] = String(value);
	return { type: 'element', name, attributes: written, children: flatten(children) };
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

const isText = (node: XmlNode) => typeof node === 'string' || node.type === 'cdata';

function writeNode(node: XmlNode, depth: number): string {
	const pad = '  '.repeat(depth);
	if (typeof node === 'string') return pad + escapeXmlText(node);
	if (node.type === 'cdata') return pad + cdataText(node.text);
	if (node.type === 'comment') return `${pad}<!-- ${xmlCommentText(node.text)} -->`;
	const attributes = Object.entries(node.attributes)
		.map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
		.join('');
	const open = `${pad}<${node.name}${attributes}`;
	if (node.children.length === 0) return `${open}/>`;
	// Text children (alone or mixed with elements) are written inline: indenting them would change the text.
	if (node.children.some(isText))
		return `${open}>${node.children.map((child) => writeNode(child, 0)).join('')}</${node.name}>`;
	const inner = node.children.map((child) => writeNode(child, depth + 1)).join('\n');
	return `${open}>\n${inner}\n${pad}</${node.name}>`;
}

/** A whole UTF-8 document: the declaration, any leading comments, then the root element. */
export function xmlDocument(root: XmlElement, leadingComments: readonly XmlComment[] = []): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		...leadingComments.map((c) => writeNode(c, 0)),
		writeNode(root, 0),
		''
	].join('\n');
}
