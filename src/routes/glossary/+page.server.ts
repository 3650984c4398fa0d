import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		copy: bank.module.pages.glossary,
		terms: bank.glossary,
		sourceLabels: Object.fromEntries(bank.sources.map((s) => [s.id, s.label]))
	};
};
