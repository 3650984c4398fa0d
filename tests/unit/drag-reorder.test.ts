import { describe, expect, it } from 'vitest';
import {
	autoScrollStep,
	dropIndex,
	dropMarker,
	type RowSpan
} from '../../src/lib/instructor/drag-reorder';
import { moveQuestionTo, newDraft } from '../../src/lib/instructor/drafts';

/** Rows of different heights stacked from y = 100, as a pack list with long and short prompts. */
const rows: RowSpan[] = [
	{ top: 100, bottom: 300 },
	{ top: 300, bottom: 360 },
	{ top: 360, bottom: 560 },
	{ top: 560, bottom: 600 }
];

describe('dropIndex', () => {
	it('puts the first row third when dropped on the lower half of the third row', () => {
		expect(dropIndex(500, rows, 0)).toBe(2);
	});

	it('puts the first row last when dropped below the list, even outside the window', () => {
		expect(dropIndex(590, rows, 0)).toBe(3);
		expect(dropIndex(5000, rows, 0)).toBe(3);
	});

	it('puts the last row first when dropped above the list', () => {
		expect(dropIndex(-40, rows, 3)).toBe(0);
		expect(dropIndex(150, rows, 3)).toBe(0);
	});

	it('changes at the middle of each other row, not at its edges', () => {
		expect(dropIndex(329, rows, 0)).toBe(0);
		expect(dropIndex(331, rows, 0)).toBe(1);
		expect(dropIndex(459, rows, 3)).toBe(2);
		expect(dropIndex(461, rows, 3)).toBe(3);
	});

	it('ignores where the dragged row itself is drawn (it follows the pointer)', () => {
		const dragged = rows.map((r, i) => (i === 1 ? { top: 520, bottom: 580 } : r));
		expect(dropIndex(250, dragged, 1)).toBe(1);
		expect(dropIndex(250, rows, 1)).toBe(1);
	});

	it('gives a position that moveQuestionTo puts the row at', () => {
		const draft = { ...newDraft('d', 't'), questionIds: ['a', 'b', 'c', 'd'] };
		for (let from = 0; from < rows.length; from++) {
			for (const y of [0, 200, 330, 460, 580, 900]) {
				const to = dropIndex(y, rows, from);
				const id = draft.questionIds[from]!;
				const moved = moveQuestionTo(draft, id, to).questionIds;
				expect(moved.indexOf(id)).toBe(to);
			}
		}
	});
});

describe('dropMarker', () => {
	it('draws on the top of the row the moved one lands before', () => {
		expect(dropMarker(3, 0, 4)).toEqual({ row: 0, edge: 'top' });
		expect(dropMarker(0, 1, 4)).toEqual({ row: 2, edge: 'top' });
		expect(dropMarker(0, 2, 4)).toEqual({ row: 3, edge: 'top' });
	});

	it('draws below the last row for a move to the end', () => {
		expect(dropMarker(0, 3, 4)).toEqual({ row: 3, edge: 'bottom' });
	});

	it('draws nothing when the row would stay where it is', () => {
		expect(dropMarker(2, 2, 4)).toBeUndefined();
		expect(dropMarker(3, 3, 4)).toBeUndefined();
	});
});

describe('autoScrollStep', () => {
	it('does not scroll away from the edges', () => {
		expect(autoScrollStep(400, 0, 800)).toBe(0);
	});

	it('scrolls up near the top and down near the bottom, fastest at and past the edge', () => {
		expect(autoScrollStep(30, 0, 800)).toBeLessThan(0);
		expect(autoScrollStep(780, 0, 800)).toBeGreaterThan(0);
		expect(autoScrollStep(790, 0, 800)).toBeGreaterThan(autoScrollStep(760, 0, 800));
		expect(autoScrollStep(800, 0, 800)).toBe(20);
		expect(autoScrollStep(1200, 0, 800)).toBe(20);
		expect(autoScrollStep(-100, 0, 800)).toBe(-20);
	});

	it('keeps the edge band to a quarter of a short scrolling area', () => {
		expect(autoScrollStep(60, 0, 200)).toBe(0);
		expect(autoScrollStep(40, 0, 200)).toBeLessThan(0);
	});
});
