import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import HandInDrop from '../../src/lib/components/results/HandInDrop.svelte';

const file = (name: string) => new File(['{}'], name, { type: 'application/json' });

describe('the results files drop area', () => {
	it('takes files dropped on it, as the picker does', async () => {
		const onFiles = vi.fn();
		render(HandInDrop, { onFiles });
		const area = screen.getByRole('group', { name: 'Your class’s results files' });

		await fireEvent.dragOver(area);
		expect(area.classList.contains('dragging')).toBe(true);
		await fireEvent.drop(area, { dataTransfer: { files: [file('ana.json'), file('ben.json')] } });

		expect(area.classList.contains('dragging')).toBe(false);
		expect(onFiles).toHaveBeenCalledWith([
			expect.objectContaining({ name: 'ana.json' }),
			expect.objectContaining({ name: 'ben.json' })
		]);

		await userEvent.upload(screen.getByLabelText('Results files'), file('cai.json'));
		expect(onFiles).toHaveBeenLastCalledWith([expect.objectContaining({ name: 'cai.json' })]);
	});

	it('ignores a drop that carries no files (text dragged from the page)', async () => {
		const onFiles = vi.fn();
		render(HandInDrop, { onFiles });
		await fireEvent.drop(screen.getByRole('group', { name: 'Your class’s results files' }), {
			dataTransfer: { files: [] }
		});
		expect(onFiles).not.toHaveBeenCalled();
	});
});
