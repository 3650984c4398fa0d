import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Every component of ours in runes mode, those without a rune too: one that fell back to
		// legacy mode would put Svelte 4's component code on every page.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
		// No `window.__svelte` version stamp in every page's code.
		discloseVersion: false
	},
	kit: {
		adapter: adapter({ strict: true }),
		// A strict Content Security Policy in every page's <meta>: scripts only from this site or
		// hashed by SvelteKit (its inline start-up script), no eval, nothing from elsewhere.
		// static/_headers repeats what a <meta> policy cannot carry (frame-ancestors) for hosts that read it.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Style attributes only (SvelteKit's own route announcer has one); never scripts.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self'],
				// upgrade-insecure-requests goes in the _headers only (scripts/page-headers.js): in a <meta>
				// it would stop WebKit loading the site's scripts wherever it is served over plain http.
				// Trusted Types: DOM sinks (innerHTML, script URLs) take only values made by these three
				// policies, Svelte's template cloning, SvelteKit's service worker registration and the
				// source reader's markup built from escaped text (src/lib/browser/trusted-html.ts).
				'require-trusted-types-for': ['script'],
				'trusted-types': ['svelte-trusted-html', 'sveltekit-trusted-url', 'sourced-built-html']
			}
		},
		// Each page's HTML names its own route, and a link to another page fetches that page's small
		// prerendered route file: the client does not carry every route's list of files (1.2 kB less
		// gzip on every page's first visit).
		router: { resolution: 'server' },
		// Each page's stylesheets (a few kB each, 3 kB gzip at most per page) go inline in its HTML,
		// hashed into the policy by SvelteKit: the first paint waits for no stylesheet request. The
		// quiz page had nine. Pages reached by a link inside the site still fetch them as files.
		inlineStyleThreshold: 20000,
		// An open tab asks every 10 minutes which build is deployed, and offers a reload when it is not
		// its own (the notice in +layout.svelte): the one way a page that never reloads hears of it.
		version: { pollInterval: 10 * 60 * 1000 },
		prerender: {
			// The SCORM kit is fetched by the builder, never linked: name it so it is prerendered.
			entries: ['*', '/packs/scorm12-kit.json'],
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleUnseenRoutes: 'fail'
		}
	}
};

export default config;
