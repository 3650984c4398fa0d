import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CitationQuote from '../../src/lib/components/CitationQuote.svelte';
import { quizLinksContext } from '../../src/lib/components/quiz-links';
import { loadBank } from '../../src/lib/content/load';
import type { AnchoredCitation } from '../../src/lib/content/schema';
import { withSiteLinks } from '../helpers/links';
import { passageShowing } from '../helpers/quotation-marks';

describe('CitationQuote', () => {
	const citation = {
		source: 'ars-technica-2024-11-27',
		exact: 'protesting on behalf of roughly 300 artists',
		start: 1203,
		end: 1246,
		anchor: 'p1203-1246'
	};

	it('shows the passage character for character in quotation marks, with its outlet', () => {
		render(CitationQuote, withSiteLinks({ citation, sourceLabel: 'Ars Technica' }));
		expect(screen.getByText('“protesting on behalf of roughly 300 artists”').tagName).toBe(
			'BLOCKQUOTE'
		);
		expect(screen.getByText(/Ars Technica ·/)).toBeInTheDocument();
	});

	it('links to the highlighted passage in the source, named for screen readers', () => {
		render(CitationQuote, withSiteLinks({ citation, sourceLabel: 'Ars Technica' }));
		const link = screen.getByRole('link', { name: 'Read in context: Ars Technica' });
		expect(link).toHaveAttribute('href', '/sources/ars-technica-2024-11-27#p1203-1246');
	});

	it("carries the quotation in the link for an instructor's own question, so the reader can find it", () => {
		const own = { ...citation, exact: 'roughly 300 artists', prefix: 'behalf of ' };
		render(
			CitationQuote,
			withSiteLinks({ citation: own, sourceLabel: 'Ars Technica', questionId: 'my-abc123' })
		);
		const href = screen
			.getByRole('link', { name: 'Read in context: Ars Technica' })
			.getAttribute('href')!;
		const url = new URL(href, 'https://sourced.example');
		expect(url.pathname).toBe('/sources/ars-technica-2024-11-27');
		expect(url.searchParams.get('quote')).toBe('roughly 300 artists');
		expect(url.searchParams.get('prefix')).toBe('behalf of ');
		expect(url.hash).toBe('#p1203-1246');
	});

	it('opens the source in a new window where leaving the page would end the quiz (a SCORM package)', () => {
		render(CitationQuote, {
			props: { citation, sourceLabel: 'Ars Technica' },
			context: quizLinksContext({
				source: (id, anchor) => `sources/${id}.html#${anchor}`,
				sourcesInNewWindow: true
			})
		});
		const link = screen.getByRole('link', {
			name: 'Read in context: Ars Technica (opens in a new window)'
		});
		expect(link).toHaveAttribute('href', 'sources/ars-technica-2024-11-27.html#p1203-1246');
		expect(link).toHaveAttribute('target', '_blank');
	});
	it('shows every passage the bank cites in one pair of quotation marks, never two marks side by side', () => {
		const bank = loadBank();
		const citations = new Map<string, AnchoredCitation>();
		for (const c of [
			...bank.questions.flatMap((q) => q.citations),
			...bank.glossary.flatMap((t) => t.citations)
		])
			citations.set(c.exact, c);
		const own = [...citations.keys()].filter((exact) => /^["“‘]|["”’]$/.test(exact));
		expect(own.length).toBeGreaterThan(20);
		for (const c of citations.values()) {
			const { container, unmount } = render(
				CitationQuote,
				withSiteLinks({ citation: c, sourceLabel: 'Outlet' })
			);
			const shown = container.querySelector('blockquote')!.textContent!;
			const showing = passageShowing(shown, c.exact);
			expect(showing.quoted, shown).toBe(1);
			expect(showing.doubled, shown).toEqual([]);
			unmount();
		}
	}, 30_000);
});
