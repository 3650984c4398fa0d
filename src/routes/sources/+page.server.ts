import { numberWord } from '$lib/content/number-words';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		copy: bank.module.pages.sources,
		sourceCount: numberWord(bank.sources.length),
		sources: bank.sources.map(({ text, file, sha256, ...meta }) => meta)
	};
};
