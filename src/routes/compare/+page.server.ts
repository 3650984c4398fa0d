import { numberWord } from '$lib/content/number-words';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		copy: bank.module.pages.compare,
		sourceCount: numberWord(bank.sources.length),
		comparisons: bank.comparisons,
		sources: bank.sources.map(({ id, label }) => ({ id, label }))
	};
};
