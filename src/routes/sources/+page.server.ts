import { getBank } from '$lib/server/bank';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	sources: getBank().sources.map(({ text, file, sha256, ...meta }) => meta)
});
