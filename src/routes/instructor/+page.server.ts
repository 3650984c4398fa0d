import { bankCatalog } from '$lib/content/pack';
import { exporters, formatIds } from '$lib/export';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	const { topics, sources } = bankCatalog(bank);
	// The questions themselves come from /instructor/bank/<topic>.json once the page shows.
	return {
		/** The bank's topics (each names its file of questions) and the metadata of its sources. */
		catalog: { topics: topics.map(({ id, title }) => ({ id, title })), sources },
		discrepancies: bank.comparisons.map(({ id, title }) => ({ id, title })),
		formats: formatIds.map((id) => ({
			id,
			label: exporters[id].label,
			description: exporters[id].description,
			takesPassMark: exporters[id].takesPassMark ?? false
		}))
	};
};
