import { describe, expect, it } from 'vitest';
import { inlineElementMarkup, XmlMarkupWriter } from '../../src/lib/export/xml';
import { parseXml, xmlComments, type XmlTree } from '../helpers/xml-tree';

/**
 * A document with what a QTI item holds: nested elements, a text with spaces of its own and markup
 * inside it, an empty element, a comment, and markup written once and repeated.
 */
function write(indent: boolean): string {
	const w = new XmlMarkupWriter(undefined, { indent }).prologue(['written by the test']);
	w.start('assessmentItem', { identifier: 'q1' });
	w.start('itemBody');
	w.text(
		'prompt',
		undefined,
		'  Two spaces first, then & and <b>, kept as text: ',
		inlineElementMarkup('em', {}, 'inline')
	);
	w.empty('variable', { identifier: 'RESPONSE' });
	w.comment('a note');
	const inModal = w.at(w.level + 1);
	inModal.start('div');
	inModal.text('p', undefined, 'The explanation, in every feedback.');
	inModal.end('div');
	const explanation = inModal.written();
	for (const id of ['FB-a', 'FB-b']) {
		w.start('modalFeedback', { identifier: id });
		w.repeated(explanation);
		w.end('modalFeedback');
	}
	w.end('itemBody');
	w.end('assessmentItem');
	return w.document();
}

/** The tree without the layout's own text: the line breaks and indents between elements. */
function withoutLayout(tree: XmlTree): XmlTree {
	const layoutOnly = tree.children.length > 0 && tree.text.trim() === '';
	return {
		...tree,
		text: layoutOnly ? '' : tree.text,
		children: tree.children.map(withoutLayout)
	};
}

describe('XmlMarkupWriter without an indent', () => {
	const indented = write(true);
	const flat = write(false);

	it('starts every element at the start of its line', () => {
		expect(indented).toMatch(/\n {4}<prompt>/);
		expect(flat.split('\n').filter((line) => /^\s/.test(line))).toEqual([]);
		expect(flat.length).toBeLessThan(indented.length);
	});

	it('gives any XML reader the same document: the same elements, attributes, texts and comments', () => {
		expect(withoutLayout(parseXml(flat))).toEqual(withoutLayout(parseXml(indented)));
		expect(xmlComments(flat)).toEqual(xmlComments(indented));
	});

	it('keeps the spaces that are part of a text', () => {
		const prompt = parseXml(flat).children[0]!.children[0]!;
		expect(prompt.name).toBe('prompt');
		expect(prompt.text).toBe('  Two spaces first, then & and <b>, kept as text: ');
		expect(prompt.children.map((c) => [c.name, c.text])).toEqual([['em', 'inline']]);
	});
});
