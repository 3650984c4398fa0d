import { describe, expect, it } from 'vitest';
import { segmentSource } from '../../src/lib/content/passages';

describe('segmenting a source for display', () => {
	it('splits paragraphs on line breaks and drops blank lines', () => {
		const paragraphs = segmentSource('One.\n\nTwo.', []);
		expect(paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual(['One.', 'Two.']);
	});

	it('marks overlapping passages on the runs they share', () => {
		const text = 'abcdefghij';
		const paragraphs = segmentSource(text, [
			{ anchor: 'p2-6', start: 2, end: 6 },
			{ anchor: 'p4-8', start: 4, end: 8 }
		]);
		expect(paragraphs[0]).toEqual([
			{ text: 'ab', passages: [], starts: [], ends: [] },
			{ text: 'cd', passages: ['p2-6'], starts: ['p2-6'], ends: [] },
			{ text: 'ef', passages: ['p2-6', 'p4-8'], starts: ['p4-8'], ends: ['p2-6'] },
			{ text: 'gh', passages: ['p4-8'], starts: [], ends: ['p4-8'] },
			{ text: 'ij', passages: [], starts: [], ends: [] }
		]);
	});

	it('uses code-point offsets, so emoji do not shift the marks', () => {
		const [paragraph] = segmentSource('😀 quoted bit', [{ anchor: 'p2-8', start: 2, end: 8 }]);
		expect(paragraph?.find((s) => s.passages.length)?.text).toBe('quoted');
	});
});
