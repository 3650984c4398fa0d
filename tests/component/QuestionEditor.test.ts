import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import QuestionEditorForm from '../../src/lib/components/instructor/editor/QuestionEditorForm.svelte';
import { SourceText } from '../../src/lib/content/anchor';
import type { Question } from '../../src/lib/content/schema';
import { questionKinds, type QuestionKind } from '../../src/lib/content/vocabulary';
import type { AuthoredQuestionStore } from '../../src/lib/instructor/authored-port';
import {
	draftFromQuestion,
	newQuestionDraft,
	type QuestionDraft
} from '../../src/lib/instructor/question-draft';
import { QuestionEditor } from '../../src/lib/instructor/question-editor.svelte';
import { singleQuestion } from '../helpers/questions';

// The editor is a rune class and its form a component: both run here, in the DOM project.

const SOURCE = 'ars-technica-2024-11-27';
const TEXT =
	'Artists said roughly 300 artists had early access. The group called it “art washing”, and said roughly 300 artists were unpaid.';
const topics = [
	{
		id: 'compensation',
		title: 'Compensation',
		objectives: [
			{ id: 'comp-o1', text: 'Explain who was paid' },
			{ id: 'comp-o2', text: 'Weigh the screening' }
		]
	}
];
const sources = [{ id: SOURCE, label: 'Ars Technica' }];

/** A store in memory that remembers each save: the draft, and the built question if it was valid. */
function memoryStore() {
	const saves: { draft: QuestionDraft; built: Question | undefined }[] = [];
	const store: AuthoredQuestionStore = {
		read: (id) => saves.findLast((s) => s.draft.id === id)?.draft,
		save: (draft, built) => {
			saves.push({ draft, built });
			return undefined;
		},
		newId: () => 'my-test01'
	};
	return { store, saves };
}

function openEditor(draft: QuestionDraft) {
	const { store, saves } = memoryStore();
	const editor = new QuestionEditor(
		draft,
		{ topics, sourceLabels: { [SOURCE]: 'Ars Technica' } },
		store,
		{ saveDelayMs: 60_000 }
	);
	editor.texts = new Map([[SOURCE, new SourceText(TEXT)]]);
	render(QuestionEditorForm, { editor, sources, builderHref: '/instructor' });
	return { editor, saves, user: userEvent.setup() };
}

/** A valid single-answer question whose one citation is in the test text once. */
const validCopy = () =>
	draftFromQuestion(
		singleQuestion({
			citations: [
				{
					source: SOURCE,
					exact: 'The group called it “art washing”',
					start: 0,
					end: 1,
					anchor: 'p0-1'
				}
			]
		}),
		'my-copy01',
		'q-single'
	);

// A form of some fifty fields, typed into key by key: slow on a busy machine.
describe('the question editor', { timeout: 30_000 }, () => {
	it('shows a field’s problem once the field is left, and follows the typing from then on', async () => {
		const { user } = openEditor(newQuestionDraft('my-new001', 'single'));
		const prompt = screen.getByRole('textbox', { name: 'Prompt' });
		await user.click(prompt);
		expect(screen.queryByText(/must not be empty/)).toBeNull();
		expect(prompt).toHaveAttribute('aria-invalid', 'false');

		await user.tab();
		expect(prompt).toHaveAttribute('aria-invalid', 'true');
		expect(prompt).toHaveAccessibleDescription(
			'Problem: Write something here: it must not be empty.'
		);

		await user.type(prompt, 'Who was paid?');
		expect(prompt).toHaveAttribute('aria-invalid', 'false');
		expect(prompt).not.toHaveAccessibleDescription(/Problem/);
		await user.clear(prompt);
		expect(prompt).toHaveAccessibleDescription(/Problem: Write something here/);
	});

	it('checks a quotation with the build’s anchoring and offers the nearest passage on a miss', async () => {
		const { user } = openEditor(validCopy());
		const quotation = screen.getByRole('textbox', { name: 'Quotation, word for word' });
		await user.clear(quotation);
		await user.type(quotation, 'The group called it "art washing"');
		await user.tab();
		expect(quotation).toHaveAccessibleDescription(
			/This quotation is not word for word in the Ars Technica text\. The build says: citation 1 \(source ars-technica-2024-11-27\): quote not found \(it matches at offset \d+ only if quotes and dashes are straightened/
		);
		await user.click(
			screen.getByRole('button', { name: /^Use the nearest passage\s*in citation 1$/ })
		);
		expect(quotation).toHaveValue('The group called it “art washing”');
		expect(quotation).not.toHaveAccessibleDescription(/Problem/);
		expect(screen.getByText(/Found in the Ars Technica text/)).toBeInTheDocument();
	});

	it('asks for the words before or after a quotation that occurs twice, as the build does', async () => {
		const { user } = openEditor(validCopy());
		const quotation = screen.getByRole('textbox', { name: 'Quotation, word for word' });
		await user.clear(quotation);
		await user.type(quotation, 'roughly 300 artists');
		await user.tab();
		expect(quotation).toHaveAccessibleDescription(/occurs more than once.*occurs 2 times/);
		await user.type(screen.getByRole('textbox', { name: 'Words just after it' }), ' were');
		expect(quotation).not.toHaveAccessibleDescription(/Problem/);
	});

	it('saves a question with problems as a draft, kept out of packs, and lists every problem with a link to its field', async () => {
		const { user, saves } = openEditor(newQuestionDraft('my-new001', 'single'));
		await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Who was paid?');
		await user.click(screen.getByRole('button', { name: 'Save' }));

		expect(saves).toHaveLength(1);
		expect(saves[0]!.built).toBeUndefined();
		expect(saves[0]!.draft.prompt).toBe('Who was paid?');
		const summary = screen.getByRole('heading', {
			name: /^Saved as a draft\. \d+ problems keep it out of packs until fixed:/
		});
		const box = summary.parentElement!;
		expect(box).toHaveFocus();
		const topic = within(box).getByRole('link', {
			name: 'Topic: Choose the topic this question belongs to.'
		});
		expect(topic).toHaveAttribute('href', '#q-topic');
		expect(
			within(box).getByRole('link', { name: /^Option 1 text: Write something here/ })
		).toHaveAttribute('href', '#q-options-0-text');
		await user.click(topic);
		expect(screen.getByRole('combobox', { name: 'Topic' })).toHaveFocus();
		// Every problem now shows at its field, without waiting for a blur.
		expect(screen.getByRole('textbox', { name: 'Explanation' })).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect(screen.getByRole('status')).toHaveTextContent(
			'Saved as a draft: it can go into a pack once its problems are fixed.'
		);
	});

	it('saves a question with no problem as the site builds it, ready for a pack', async () => {
		const { user, saves } = openEditor(validCopy());
		await user.selectOptions(screen.getByRole('combobox', { name: 'Topic' }), 'compensation');
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Learning objective' }),
			'comp-o1'
		);
		await user.click(screen.getByRole('button', { name: 'Save' }));
		const built = saves.at(-1)!.built;
		expect(built?.id).toBe('my-copy01');
		expect(built?.topic).toBe('compensation');
		expect(built?.citations[0]?.anchor).toBe(
			`p${TEXT.indexOf('The group')}-${TEXT.indexOf('”,') + 1}`
		);
		expect(screen.queryByRole('heading', { name: /Saved as a draft/ })).toBeNull();
		expect(screen.getByRole('status')).toHaveTextContent(
			'Saved, with no problems: it can go into a pack.'
		);
	});

	it('moves an option with its buttons, keeping focus on the moved option', async () => {
		const { user, editor } = openEditor(validCopy());
		const options = () => editor.draft.options.map((o) => o.text);
		await user.click(screen.getByRole('button', { name: 'Move down: option 1' }));
		expect(options()).toEqual(['Option B', 'Option A', 'Option C']);
		expect(screen.getByRole('button', { name: 'Move down: option 2' })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(options()).toEqual(['Option B', 'Option C', 'Option A']);
		expect(screen.getByRole('button', { name: 'Move up: option 3' })).toHaveFocus();
		expect(screen.getByText('option 2 moved to position 3 of 3.')).toBeInTheDocument();
	});

	it('puts a passage picked in a source into the new question’s blank citation, not after it', () => {
		const { editor } = openEditor(newQuestionDraft('my-new001', 'multiple'));
		const picked = { source: SOURCE, exact: 'The group called it “art washing”' };
		expect(editor.addCitation(picked)).toBe(0);
		expect(editor.draft.citations).toEqual([{ ...picked, prefix: '', suffix: '' }]);
		expect(editor.check.problems.filter((p) => p.field.startsWith('citations'))).toEqual([]);
		expect(screen.queryByRole('group', { name: 'Citation 2' })).not.toBeInTheDocument();
		// Once every citation holds a quotation, the next passage comes after them.
		expect(editor.addCitation({ source: SOURCE, exact: 'had early access' })).toBe(1);
		expect(editor.draft.citations.map((c) => c.exact)).toEqual([picked.exact, 'had early access']);
	});

	it('tells a new author how to cite from the sources, and where a written argument’s explanation shows', () => {
		const { store } = memoryStore();
		const editor = new QuestionEditor(
			newQuestionDraft('my-new001', 'essay'),
			{ topics, sourceLabels: { [SOURCE]: 'Ars Technica' } },
			store
		);
		render(QuestionEditorForm, {
			editor,
			sources,
			builderHref: '/instructor',
			onPickCitation: () => {}
		});
		expect(screen.getByRole('group', { name: 'Citations' })).toHaveAccessibleDescription(
			/“Add citation” opens the sources beside the form: select a passage, or search for it/
		);
		expect(screen.getByRole('button', { name: 'Add citation' })).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Type a citation' })).toBeInTheDocument();
		expect(screen.getByRole('textbox', { name: 'Explanation' })).toHaveAccessibleDescription(
			/shown to every student with the model answer/
		);
	});

	const kindFields: Record<QuestionKind, string[]> = {
		single: ['Option 1', 'Option 2'],
		multiple: ['Option 1', 'Option 2', 'Option 3'],
		'true-false': ['The statement (the prompt) is'],
		ordering: ['Item 1', 'Item 2', 'Item 3'],
		matching: ['Pair 1', 'Pair 2', 'Pair 3'],
		essay: ['Criterion 1', 'Criterion 2', 'Criterion 3']
	};
	const kindBoxes: Record<QuestionKind, string[]> = {
		single: ['Feedback to a student who picks it'],
		multiple: ['Feedback to a student who picks it'],
		'true-false': [
			'Feedback to a student who answers True',
			'Feedback to a student who answers False'
		],
		ordering: ['Text'],
		matching: ['Item', 'Its match'],
		essay: ['Guidance', 'Model answer', 'What earns it']
	};

	it.each(questionKinds)('shows the fields of a new %s question', (kind) => {
		openEditor(newQuestionDraft('my-new001', kind));
		for (const name of kindFields[kind])
			expect(screen.getByRole('group', { name })).toBeInTheDocument();
		for (const name of kindBoxes[kind])
			expect(screen.getAllByRole('textbox', { name }).length).toBeGreaterThan(0);
		for (const name of [/^Prompt/, 'Explanation', 'Quotation, word for word'])
			expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
		for (const name of ['Kind', 'Topic', 'Learning objective', 'Difficulty', 'Cognitive level'])
			expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
	});
});
