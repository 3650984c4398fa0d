import { importLazily } from '$lib/browser/lazy-import';

/**
 * A component whose code is fetched when first needed (or ahead of time, once the page is idle), so
 * the first visit downloads only what shows the first question. `current` is undefined until then.
 */
export class LazyComponent<C> {
	current: C | undefined = $state();
	#loading: Promise<C | undefined> | undefined;

	constructor(private readonly load: () => Promise<{ default: C }>) {}

	/** Fetches the code (once); resolves with the component, or undefined if it could not be fetched. */
	get(): Promise<C | undefined> {
		this.#loading ??= importLazily(this.load).then((module) => {
			// Offline or removed by a deploy: the page offers a reload, and the next call tries again.
			if (!module) this.#loading = undefined;
			return (this.current = module?.default);
		});
		return this.#loading;
	}
}
