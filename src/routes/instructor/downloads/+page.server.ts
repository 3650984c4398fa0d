import { publishedPacks } from '$lib/content/pack';
import { exporters, formatIds } from '$lib/export';
import { exportFileName } from '$lib/export/files';
import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	/** The packs the build publishes (the whole bank, then each topic), each with a file per format. */
	readyMade: publishedPacks(getBank()).map((pack) => ({
		id: pack.id,
		title: pack.id === 'all' ? 'Whole bank' : pack.title.replace(/^Sourced: /, ''),
		count: pack.questions.length,
		files: formatIds.map((id) => ({
			label: exporters[id].label,
			file: exportFileName(pack.id, id)
		}))
	}))
});
