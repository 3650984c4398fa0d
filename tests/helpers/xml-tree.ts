import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

/**
 * Reading exported packages back with independent parsers (fflate, fast-xml-parser), for
 * the exporter tests: never the exporters' own code.
 */

/** An XML element as the tests walk it: name, attributes, element children and its own text. */
export interface XmlTree {
	name: string;
	attributes: Record<string, string>;
	children: XmlTree[];
	/** The concatenated text directly inside this element (entities decoded; a `<br/>` child as a line break). */
	text: string;
}

/** The text files of a zip, by path (directory entries left out). */
export function unzipTextFiles(zip: Uint8Array): Map<string, string> {
	const entries = unzipSync(zip);
	return new Map(
		Object.entries(entries)
			.filter(([path]) => !path.endsWith('/'))
			.map(([path, bytes]) => [path, strFromU8(bytes)])
	);
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	commentPropName: '#comment',
	ignoreDeclaration: true
});

type Ordered = Record<string, unknown>;

function toTree(entry: Ordered): XmlTree | undefined {
	const name = Object.keys(entry).find((key) => key !== ':@');
	if (!name || name === '#text' || name === '#comment') return undefined;
	const content = (entry[name] as Ordered[]) ?? [];
	return {
		name,
		attributes: (entry[':@'] as Record<string, string>) ?? {},
		children: content.flatMap((c) => toTree(c) ?? []),
		text: content
			.map((c) => (typeof c['#text'] === 'string' ? c['#text'] : 'br' in c ? '\n' : ''))
			.join('')
	};
}

/** Parses a document (after checking it is well-formed) and returns its root element. */
export function parseXml(xml: string): XmlTree {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
	const roots = (parser.parse(xml) as Ordered[]).flatMap((entry) => toTree(entry) ?? []);
	if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
	return roots[0]!;
}

/** The comments of a document, in order, with their text as written. */
export function xmlComments(xml: string): string[] {
	const comments: string[] = [];
	const walk = (entries: Ordered[]) => {
		for (const entry of entries) {
			if ('#comment' in entry) {
				const inner = entry['#comment'] as Ordered[];
				comments.push(inner.map((c) => String(c['#text'] ?? '')).join(''));
			} else {
				const name = Object.keys(entry).find((key) => key !== ':@' && key !== '#text');
				if (name) walk(entry[name] as Ordered[]);
			}
		}
	};
	walk(parser.parse(xml) as Ordered[]);
	return comments;
}

/** Element children, optionally only those with a name. */
export function childrenNamed(node: XmlTree, name: string): XmlTree[] {
	return node.children.filter((c) => c.name === name);
}

/** The one child with this name; throws with the path when it is missing. */
export function child(node: XmlTree, name: string): XmlTree {
	const found = node.children.find((c) => c.name === name);
	if (!found) throw new Error(`<${node.name}> has no <${name}>`);
	return found;
}

/** The element and every element inside it, in document order. */
export function allElements(node: XmlTree): XmlTree[] {
	return [node, ...node.children.flatMap(allElements)];
}

/** Every descendant element with this name, in document order. */
export function descendants(node: XmlTree, name: string): XmlTree[] {
	return allElements(node).filter((n) => n !== node && n.name === name);
}

/**
 * The text of each paragraph of an HTML fragment (as an LMS stores it in a feedback or question
 * field). The exporters write HTML that is also well-formed XML, so it is read with the same parser,
 * which also proves it well-formed.
 */
export function htmlParagraphTexts(html: string): string[] {
	return descendants(parseXml(`<html>${html}</html>`), 'p').map((p) => p.text);
}
