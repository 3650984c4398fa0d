import { getBank } from '$lib/server/bank';
import type { LayoutServerLoad } from './$types';

/** The module's names and footer line for every page; the rest of its copy goes to its own page. */
export const load: LayoutServerLoad = () => {
	const { title, heading, shortTitle, about } = getBank().module;
	return { module: { title, heading, shortTitle, about } };
};
