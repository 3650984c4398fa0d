import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BankBrowser from '../../src/lib/components/instructor/BankBrowser.svelte';
import ChosenQuestions from '../../src/lib/components/instructor/ChosenQuestions.svelte';
import { withSiteLinks } from '../helpers/links';
import { singleQuestion } from '../helpers/questions';

describe('the words an instructor reads in the builder', () => {
	it('describes a bank question in words, naming the discrepancy it teaches', async () => {
		const q = singleQuestion({ id: 'comp-05', difficulty: 'intro', tags: ['d5', 'screening'] });
		render(
			BankBrowser,
			withSiteLinks({
				questions: [q],
				topics: [{ id: 'compensation', title: 'Compensation' }],
				sources: [],
				discrepancies: [{ id: 'd5', title: 'Who told whom?' }],
				selected: [],
				onToggle: () => {},
				onAddMany: () => {}
			})
		);
		await screen.findByRole('checkbox');
		expect(document.getElementById('meta-comp-05')?.textContent?.trim()).toBe(
			'comp-05 · Compensation · Single answer · Intro · teaches discrepancy D5, “Who told whom?”'
		);
	});

	it('points an empty pack to controls the builder really has', () => {
		render(ChosenQuestions, { questions: [], onChange: () => {} });
		const hint = screen.getByText(/^No questions yet/);
		expect(hint.textContent).not.toMatch(/quick picks/);
		expect(hint.textContent).toMatch(/tick questions in the question bank/);
		expect(hint.textContent).toMatch(/“Add N at random from these”/);
		expect(hint.textContent).toMatch(/“Add all of …” once a topic is chosen/);
	});
});
