import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ExportPanel from '../../src/lib/components/instructor/ExportPanel.svelte';
import { exporters, formatIds } from '../../src/lib/export';

const formats = formatIds.map((id) => ({
	id,
	label: exporters[id].label,
	description: exporters[id].description
}));

/** Text as a reader takes it in: white space between words as one space. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the export panel’s Canvas guidance', () => {
	it('says which export to use for Classic Quizzes and for New Quizzes, by the labels on the buttons', () => {
		render(ExportPanel, { formats, questionCount: 12, notes: undefined, onExport: () => {} });
		const guidance = screen.getByRole('region', { name: 'Which file for Canvas?' });
		const terms = within(guidance)
			.getAllByRole('term')
			.map((t) => words(t.textContent));
		expect(terms).toEqual([
			`Classic Quizzes: ${exporters.canvasQti.label}`,
			`New Quizzes: ${exporters.qti21.label}`
		]);
		for (const label of [exporters.canvasQti.label, exporters.qti21.label])
			expect(screen.getByRole('button', { name: label })).toBeInTheDocument();
	});

	it('says for each what becomes of ordering, multiple-answer scoring and feedback, and what to check', () => {
		render(ExportPanel, { formats, questionCount: 12, notes: undefined, onExport: () => {} });
		const guidance = screen.getByRole('region', { name: 'Which file for Canvas?' });
		const [classic, newQuizzes] = within(guidance)
			.getAllByRole('definition')
			.map((d) => words(d.textContent));
		expect(classic).toMatch(/Ordering questions become matching questions/);
		expect(classic).toMatch(/full marks for exactly the right answers/);
		expect(classic).toMatch(/feedback/);
		expect(newQuizzes).toMatch(/Keeps ordering questions as ordering/);
		expect(newQuizzes).toMatch(/all or nothing/);
		expect(newQuizzes).toMatch(/feedback/);
		expect(words(guidance.textContent)).toMatch(/Both files import into Canvas/);
		expect(words(guidance.textContent)).toMatch(
			/try one ordering and one multiple-answer question/
		);
	});
});
