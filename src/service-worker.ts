/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline once visited. At install the worker caches this build (its code, every learner's page and
// data file, the static files) under a name that carries the build's version, and drops the caches
// of older builds once it takes over. Content-hashed code is served from the cache. Pages and data
// go to the network first and fall back to the cache only when the network fails, so the first visit
// after a deploy gets the new build, never a page cached from the old one.
import { build, files, prerendered, version } from '$service-worker';
import { cachedOffline } from '$lib/offline';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `sourced-${version}`;
const PRECACHE = [...build, ...files.filter(cachedOffline), ...prerendered.filter(cachedOffline)];
const precached = new Set(PRECACHE);
/** Files whose names carry a hash of their content: a cached copy is never out of date. */
const immutable = new Set(build);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => worker.clients.claim())
	);
});

/** This build's cached copy of a path, or a network error when there is none. */
async function cachedCopy(path: string): Promise<Response> {
	return (await caches.match(path, { cacheName: CACHE })) ?? Response.error();
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
	// Looked up by path: a quiz link carries its settings in the query string, the page is one file.
	if (immutable.has(url.pathname))
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
	else if (request.mode === 'navigate' || precached.has(url.pathname))
		event.respondWith(fetch(request).catch(() => cachedCopy(url.pathname)));
});
