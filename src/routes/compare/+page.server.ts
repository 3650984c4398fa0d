import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	return {
		comparisons: bank.comparisons,
		sources: bank.sources.map(({ id, label }) => ({ id, label }))
	};
};
