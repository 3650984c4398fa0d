/**
 * Whether the service worker caches a path for offline use. Export files and print views are for
 * instructors online; leaving them out keeps the first visit's background download small for a
 * class on one Wi-Fi. `/_headers` is read by the host, never by the site. Shared by the service
 * worker and the benchmark that measures its cache.
 */
export function cachedOffline(path: string): boolean {
	return !path.startsWith('/packs/') && !path.startsWith('/print/') && path !== '/_headers';
}
