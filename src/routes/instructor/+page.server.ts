import { publishedPacks } from '$lib/content/pack';
import { exporters, formatIds } from '$lib/export';
import { exportFileName } from '$lib/export/files';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const bank = getBank();
	// The questions themselves come from /instructor/bank.json once the page shows.
	return {
		discrepancies: bank.comparisons.map(({ id, title }) => ({ id, title })),
		formats: formatIds.map((id) => ({
			id,
			label: exporters[id].label,
			description: exporters[id].description,
			takesPassMark: exporters[id].takesPassMark ?? false
		})),
		readyMade: publishedPacks(bank).map((pack) => ({
			id: pack.id,
			title: pack.id === 'all' ? 'Whole bank' : pack.title.replace(/^Sourced: /, ''),
			count: pack.questions.length,
			files: formatIds.map((id) => ({
				label: exporters[id].label,
				file: exportFileName(pack.id, id)
			}))
		}))
	};
};
