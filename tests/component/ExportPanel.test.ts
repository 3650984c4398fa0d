import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ExportPanel from '../../src/lib/components/instructor/ExportPanel.svelte';
import { exporters, formatIds } from '../../src/lib/export';

const formats = [
	{ id: 'gift' as const, label: 'GIFT', description: 'Moodle.', takesPassMark: false },
	{
		id: 'scorm12' as const,
		label: 'SCORM 1.2 package',
		description: 'Any LMS.',
		takesPassMark: true
	}
];

function panel() {
	const onExport = vi.fn();
	render(ExportPanel, { props: { formats, questionCount: 3, notes: undefined, onExport } });
	return { onExport, user: userEvent.setup() };
}

describe('ExportPanel', () => {
	it('exports a SCORM package with the pass mark typed, and other formats without one', async () => {
		const { onExport, user } = panel();
		await user.click(screen.getByRole('button', { name: 'SCORM 1.2 package' }));
		expect(onExport).toHaveBeenLastCalledWith('scorm12', {});
		await user.type(screen.getByRole('spinbutton', { name: 'Pass mark (%), optional' }), '70');
		await user.click(screen.getByRole('button', { name: 'SCORM 1.2 package' }));
		expect(onExport).toHaveBeenLastCalledWith('scorm12', { passMark: 70 });
		await user.click(screen.getByRole('button', { name: 'GIFT' }));
		expect(onExport).toHaveBeenLastCalledWith('gift', {});
	});

	it('refuses a pass mark outside 0–100 and says why', async () => {
		const { onExport, user } = panel();
		const input = screen.getByRole('spinbutton', { name: 'Pass mark (%), optional' });
		await user.type(input, '150');
		await user.click(screen.getByRole('button', { name: 'SCORM 1.2 package' }));
		expect(onExport).not.toHaveBeenCalled();
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAccessibleDescription('A pass mark is a whole number from 0 to 100.');
	});
});

/** Every format, as the builder offers them. */
const allFormats = formatIds.map((id) => ({
	id,
	label: exporters[id].label,
	description: exporters[id].description,
	takesPassMark: exporters[id].takesPassMark ?? false
}));

/** Text as a reader takes it in: white space between words as one space. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the export panel’s Canvas guidance', () => {
	it('says which export to use for Classic Quizzes and for New Quizzes, by the labels on the buttons', () => {
		render(ExportPanel, {
			formats: allFormats,
			questionCount: 12,
			notes: undefined,
			onExport: () => {}
		});
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
		render(ExportPanel, {
			formats: allFormats,
			questionCount: 12,
			notes: undefined,
			onExport: () => {}
		});
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
