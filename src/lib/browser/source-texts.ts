import type { SiteSource } from '../content/pack';

/**
 * A loader of the sources with their texts (`/sources/texts.json`, about 30 KB), for checking
 * quotations in the browser: fetched on the first call and shared by the later ones; after a failure
 * (offline, say) the next call tries again. Undefined when the texts cannot be had.
 */
export function sourceTextsLoader(url: string): () => Promise<SiteSource[] | undefined> {
	let pending: Promise<SiteSource[] | undefined> | undefined;
	return () => {
		pending ??= fetch(url)
			.then((response) => (response.ok ? (response.json() as Promise<SiteSource[]>) : undefined))
			.catch(() => undefined)
			.then((sources) => {
				if (!sources) pending = undefined;
				return sources;
			});
		return pending;
	};
}
