import { getBank } from '$lib/server/bank';
import type { LayoutServerLoad } from './$types';

// Every page is built ahead as a static file. Said here, in the server-only layout file, so that no
// page's code carries it.
export const prerender = true;

/** The module's names and footer line for every page; the rest of its copy goes to its own page. */
export const load: LayoutServerLoad = () => {
	const { title, heading, shortTitle, about } = getBank().module;
	return { module: { title, heading, shortTitle, about } };
};
