import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CitationQuote from '../../src/lib/components/CitationQuote.svelte';
import { quizLinksContext } from '../../src/lib/components/quiz-links';
import { withSiteLinks } from '../helpers/links';

describe('CitationQuote', () => {
	const citation = {
		source: 'ars-technica-2024-11-27',
		exact: 'protesting on behalf of roughly 300 artists',
		start: 1203,
		end: 1246,
		anchor: 'p1203-1246'
	};

	it('shows the passage character for character, with its outlet', () => {
		render(CitationQuote, withSiteLinks({ citation, sourceLabel: 'Ars Technica' }));
		expect(screen.getByText('protesting on behalf of roughly 300 artists').tagName).toBe(
			'BLOCKQUOTE'
		);
		expect(screen.getByText(/Ars Technica ·/)).toBeInTheDocument();
	});

	it('links to the highlighted passage in the source, named for screen readers', () => {
		render(CitationQuote, withSiteLinks({ citation, sourceLabel: 'Ars Technica' }));
		const link = screen.getByRole('link', { name: 'Read in context: Ars Technica' });
		expect(link).toHaveAttribute('href', '/sources/ars-technica-2024-11-27#p1203-1246');
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
});
