/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline once visited: the app shell, every learner's page and data file (questions, sources,
// glossary) and the static files are cached at install; pages are served from the cache, the network
// is only a fallback for anything else.
import { build, files, prerendered, version } from '$service-worker';
import { cachedOffline } from '$lib/offline';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `sourced-${version}`;
const PRECACHE = [...build, ...files.filter(cachedOffline), ...prerendered.filter(cachedOffline)];
const precached = new Set(PRECACHE);

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

worker.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== worker.location.origin) return;
	// A quiz link carries its settings in the query string; the page itself is the same file.
	if (!precached.has(url.pathname)) return;
	event.respondWith(
		caches
			.match(url.pathname, { cacheName: CACHE })
			.then((cached) => cached ?? fetch(event.request))
	);
});
