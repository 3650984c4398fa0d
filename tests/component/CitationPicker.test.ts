import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import CitationPicker from '../../src/lib/components/instructor/CitationPicker.svelte';
import { realSiteSources } from '../helpers/packs';

const sources = realSiteSources();
const textOf = (id: string) => sources.find((s) => s.id === id)!.text;

function setup(initialSource = 'readwrite-2024-11') {
	const onpick = vi.fn();
	const oncancel = vi.fn();
	const user = userEvent.setup();
	render(CitationPicker, { sources, onpick, oncancel, initialSource });
	return { onpick, oncancel, user };
}

/** Selects text in the rendered source as a mouse drag would: from `from` in one text node to `to` in another. */
async function selectInText(
	start: { text: string; offset: number },
	end: { text: string; offset: number }
) {
	const region = screen.getByRole('region', { name: /^Text of/ });
	const nodeOf = (paragraph: string) =>
		[...region.querySelectorAll('p')].find((p) => p.textContent!.includes(paragraph))!.firstChild!;
	const startNode = nodeOf(start.text);
	const endNode = nodeOf(end.text);
	const range = document.createRange();
	range.setStart(startNode, startNode.textContent!.indexOf(start.text) + start.offset);
	range.setEnd(endNode, endNode.textContent!.indexOf(end.text) + end.offset);
	const selection = window.getSelection()!;
	selection.removeAllRanges();
	selection.addRange(range);
	document.dispatchEvent(new Event('selectionchange'));
	await tick();
}

const preview = () => screen.getByRole('region', { name: 'Citation to add' });

describe('CitationPicker', () => {
	it('shows the chosen source’s text as paragraphs and moves focus to its heading', () => {
		setup('ars-technica-2024-11-27');
		expect(screen.getByRole('heading', { name: 'Cite a passage' })).toHaveFocus();
		expect(screen.getByRole('combobox', { name: 'Source' })).toHaveValue('ars-technica-2024-11-27');
		const region = screen.getByRole('region', { name: 'Text of Ars Technica' });
		const paragraphs = region.querySelectorAll('p');
		expect(paragraphs[0]).toHaveTextContent(
			'OpenAI is at war with its own Sora video testers following brief public leak'
		);
		// Every paragraph carries its offset in the source, and holds the source's own text there.
		const text = textOf('ars-technica-2024-11-27');
		for (const p of paragraphs) {
			const start = Number(p.dataset.start);
			expect(text.slice(start, start + p.textContent!.length)).toBe(p.textContent);
		}
	});

	it('lists every match of a search with its context, and picking one offers and adds its citation', async () => {
		const { onpick, user } = setup();
		await user.type(screen.getByRole('searchbox', { name: 'Words in the passage' }), 'unpaid');
		expect(screen.getByText('2 matches')).toHaveAttribute('role', 'status');
		const list = screen.getByRole('list', { name: 'Matches in ReadWrite' });
		const buttons = within(list).getAllByRole('button');
		expect(buttons).toHaveLength(2);
		expect(buttons[0]).toHaveAccessibleName(
			'Match 1: …artists accused the company of exploiting their unpaid labor and using their participation to enhance…'
		);

		await user.click(buttons[0]!);
		expect(screen.getByRole('heading', { name: 'Citation to add' })).toHaveFocus();
		// A search for one word offers that word's passage only if it is long enough to cite.
		expect(preview()).toHaveTextContent(
			'A citation must quote at least 8 characters; “unpaid” has 6'
		);
		expect(within(preview()).queryByRole('button', { name: 'Use this passage' })).toBeNull();

		await user.clear(screen.getByRole('searchbox'));
		await user.paste('EXPLOITING THEIR UNPAID LABOR');
		expect(screen.getByText('1 match')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: /^Match 1:/ }));
		expect(preview()).toHaveTextContent('“exploiting their unpaid labor”');
		await user.click(within(preview()).getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'readwrite-2024-11',
			exact: 'exploiting their unpaid labor'
		});
		expect(preview()).toHaveTextContent('Added “exploiting their unpaid labor”');
	});

	it('finds a curly-quoted passage from straight quotes typed in, and cites the source’s own characters', async () => {
		const { onpick, user } = setup();
		await user.click(screen.getByRole('searchbox'));
		await user.paste("the group's frontend");
		await user.click(screen.getByRole('button', { name: /^Match 1:/ }));
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'readwrite-2024-11',
			exact: 'the group’s frontend'
		});
	});

	it('gives a passage the source prints twice the words before it, and shows them', async () => {
		const { onpick, user } = setup('unattributed-mid-article');
		await user.click(screen.getByRole('searchbox'));
		await user.paste('The Sora PR Puppets group claims');
		expect(screen.getByText('2 matches')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: /^Match 2:/ }));
		expect(preview()).toHaveTextContent('These words occur 2 times in the source');
		expect(within(preview()).getByText('Needs context before (prefix)')).toBeInTheDocument();
		expect(within(preview()).getByText('evaluation.⏎')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'unattributed-mid-article',
			exact: 'The Sora PR Puppets group claims',
			prefix: 'evaluation.\n'
		});
	});

	it('makes a citation from a mouse selection, widened to whole words', async () => {
		const { onpick, user } = setup();
		await selectInText(
			{ text: 'OpenAI had provided free early access', offset: 2 },
			{ text: 'OpenAI had provided free early access', offset: 35 }
		);
		expect(preview()).toHaveTextContent('“OpenAI had provided free early access”');
		expect(preview()).toHaveTextContent('started or ended inside a word');
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'readwrite-2024-11',
			exact: 'OpenAI had provided free early access'
		});
	});

	it('stops a selection that runs into the next paragraph at the end of the first, and says so', async () => {
		const { onpick, user } = setup();
		await selectInText(
			{ text: 'However, around 20 of these artists', offset: 0 },
			{ text: 'Using the group’s frontend, users', offset: 10 }
		);
		expect(preview()).toHaveTextContent('Your selection ran into the next paragraph');
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		const citation = onpick.mock.calls[0]![0];
		expect(citation.exact).toMatch(/^However, around 20 .* enhance OpenAI’s public image\.$/);
	});

	it('ignores a selection outside the source’s text', async () => {
		setup();
		const range = document.createRange();
		range.selectNodeContents(screen.getByRole('heading', { name: 'Cite a passage' }));
		window.getSelection()!.removeAllRanges();
		window.getSelection()!.addRange(range);
		document.dispatchEvent(new Event('selectionchange'));
		await tick();
		expect(preview()).toHaveTextContent('Nothing chosen yet');
	});

	it('shows the build’s message and the nearest passage for a pasted quotation not in the source', async () => {
		const { onpick, user } = setup();
		const field = screen.getByRole('textbox', { name: 'Quotation' });
		await user.click(field);
		await user.paste('OpenAI had provided paid early access to Sora');
		await user.click(screen.getByRole('button', { name: 'Check quotation' }));
		const group = screen.getByRole('group', { name: 'Type or paste a quotation' });
		expect(group).toHaveTextContent('Not found as typed. The build says: quote not found');
		expect(group).toHaveTextContent(
			'the source has "ad provided free" where the quote has "ad provided paid"'
		);
		expect(group).toHaveTextContent(
			'Nearest passage in the source: “OpenAI had provided free early access to Sora”'
		);
		// What was typed stays, to be corrected.
		expect(field).toHaveValue('OpenAI had provided paid early access to Sora');
		expect(onpick).not.toHaveBeenCalled();
	});

	it('offers the source’s wording for a pasted quotation with straightened quotes', async () => {
		const { onpick, user } = setup();
		await user.click(screen.getByRole('textbox', { name: 'Quotation' }));
		await user.paste('"corporate art washing" by OpenAI');
		await user.click(screen.getByRole('button', { name: 'Check quotation' }));
		expect(screen.getByRole('group', { name: 'Type or paste a quotation' })).toHaveTextContent(
			'only if quotes and dashes are straightened'
		);
		await user.click(screen.getByRole('button', { name: /^Use the source’s wording:/ }));
		expect(screen.getByRole('heading', { name: 'Citation to add' })).toHaveFocus();
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'readwrite-2024-11',
			exact: '“corporate art washing” by OpenAI'
		});
	});

	it('accepts a pasted quotation that is in the source as it is', async () => {
		const { onpick, user } = setup();
		await user.click(screen.getByRole('textbox', { name: 'Quotation' }));
		await user.paste('OpenAI had provided free early access to Sora\n');
		await user.click(screen.getByRole('button', { name: 'Check quotation' }));
		await user.click(screen.getByRole('button', { name: 'Use this passage' }));
		expect(onpick).toHaveBeenCalledWith({
			source: 'readwrite-2024-11',
			exact: 'OpenAI had provided free early access to Sora'
		});
	});

	it('switches source and searches the new one', async () => {
		const { user } = setup();
		await user.selectOptions(screen.getByRole('combobox', { name: 'Source' }), 'Ars Technica');
		expect(screen.getByRole('region', { name: 'Text of Ars Technica' })).toBeInTheDocument();
		await user.type(screen.getByRole('searchbox'), 'PR Puppets');
		expect(screen.getByRole('list', { name: 'Matches in Ars Technica' })).toBeInTheDocument();
	});

	it('cancels with the Cancel button or Escape, giving focus back to what opened it', async () => {
		const opener = document.createElement('button');
		opener.textContent = 'Add citation';
		document.body.append(opener);
		opener.focus();
		const { oncancel, user } = setup();
		expect(screen.getByRole('heading', { name: 'Cite a passage' })).toHaveFocus();
		await user.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(oncancel).toHaveBeenCalledTimes(1);
		expect(opener).toHaveFocus();

		screen.getByRole('searchbox').focus();
		await user.keyboard('{Escape}');
		expect(oncancel).toHaveBeenCalledTimes(2);
		expect(opener).toHaveFocus();
		opener.remove();
	});
});
