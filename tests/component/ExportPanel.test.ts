import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ExportPanel from '../../src/lib/components/instructor/ExportPanel.svelte';

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
