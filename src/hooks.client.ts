import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { isFailedModuleLoad, reportFailedLoad } from '$lib/browser/lazy-import';

/**
 * Code the app loads lazily outside its own calls (SvelteKit loading a route, or preloading one on
 * hover) may fail to arrive: offline, or removed by a newer deploy. Such a failure is reported to the
 * page, which offers a reload, instead of surfacing as an uncaught error.
 */
export const init: ClientInit = () => {
	addEventListener('unhandledrejection', (event) => {
		if (!isFailedModuleLoad(event.reason)) return;
		event.preventDefault();
		reportFailedLoad();
	});
};

export const handleError: HandleClientError = ({ error, message }) => {
	if (!isFailedModuleLoad(error)) return { message };
	reportFailedLoad();
	return {
		message:
			'This page could not be loaded: you may be offline, or a new version of Sourced has been published. Reload the page to continue.'
	};
};
