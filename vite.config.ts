import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules on every page's first visit. The app modules are those the root layout imports (links to
 * the sources, reporting code that failed to load) and what they import.
 */
const EVERY_PAGE = [
	/node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/,
	/^\0vite[\\/]preload-helper/,
	// The error page is part of every page's first visit (SvelteKit loads it with the layout).
	/src[\\/]routes[\\/](NotFound|WaysOn)\.svelte$/,
	/src[\\/]lib[\\/](browser[\\/](lazy-import|stylesheets)|components[\\/]quiz-links|quiz[\\/]passage-link|content[\\/]vocabulary)\.ts$/,
	// Small modules most pages import (home all of them; the quiz and source pages the way back from
	// a passage): each would otherwise be a file of its own, a round trip on a slow connection for a
	// few hundred bytes.
	/src[\\/]lib[\\/](storage[\\/]browser-storage|quiz[\\/](link|random|attempt-store|return-link))\.ts$/
];

/**
 * What the quiz page draws its first question with and no other page's first visit needs whole:
 * one file, not four small ones (the pages that use a part of it, such as the question editor's
 * preview, load it all).
 */
const QUIZ = [
	/src[\\/]lib[\\/]components[\\/]quiz[\\/]QuestionForm\.svelte$/,
	/src[\\/]lib[\\/]quiz[\\/](attempt|question-files|layout|status)\.ts$/
];

/**
 * What the instructor page's first visit needs beyond its own file and no student page does: the
 * builder, the saved packs and the pack's rules, the instructor's own questions' index, the share
 * link, the bank's files and the conversion notes. One file, not eight of a few hundred bytes each:
 * on a slow connection each is a round trip (the page had 18 files to fetch, other pages 6 to 9).
 */
const INSTRUCTOR = [
	/src[\\/]lib[\\/]instructor[\\/](builder\.svelte|drafts|saved-drafts|authored-entries)\.ts$/,
	/src[\\/]lib[\\/](content[\\/](identity|pack)|quiz[\\/](ordering|link-questions)|export[\\/]notes|browser[\\/]bank-files)\.ts$/,
	/src[\\/]lib[\\/]components[\\/]DropZone\.svelte$/
];

/** A code-splitting group's test: a module whose id matches one of the patterns. */
const anyOf = (patterns: readonly RegExp[]) => (id: string) =>
	patterns.some((pattern) => pattern.test(id));

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// Code a page loads later (feedback, results, an exporter) brings its stylesheets with it, and
		// its own imports as it runs, a round trip later: the list of every later file's imports was
		// 0.5 kB of gzip on the quiz page's first visit, hashes that do not compress. SvelteKit's own
		// imports of route files (nodes/) keep theirs.
		modulePreload: {
			resolveDependencies: (file, deps) =>
				file.includes('/nodes/') ? deps : deps.filter((dep) => dep.endsWith('.css'))
		},
		// What every page loads, as one file: Svelte's runtime, SvelteKit's client, Vite's preload helper
		// and the few app modules the root layout imports; and what the quiz page and the instructor page
		// each need beyond that, a file each (QUIZ, INSTRUCTOR). A phone on a slow connection pays a round
		// trip for each of the small files they would otherwise split into, and gzip compresses one file
		// better.
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{ name: 'framework', test: anyOf(EVERY_PAGE) },
						{ name: 'quiz', test: anyOf(QUIZ) },
						{ name: 'instructor', test: anyOf(INSTRUCTOR) }
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					// The CLI tests start tsx and the fuzz tests run thousands of cases: slow on a busy machine, and
					// speed is the benchmark's business, not a test's.
					testTimeout: 30_000,
					environment: 'node',
					// The files share each worker's loaded modules instead of loading the content, schemas and
					// exporters again for each file: half the project's time. Nothing here mocks a module, and
					// each stubbed global or fake timer is put back after its test.
					isolate: false,
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/component/setup.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					// Firefox and WebKit journeys over the built site (`npm run test:engines`): each engine
					// starts once per file, and a journey waits on a real browser.
					name: 'engines',
					environment: 'node',
					include: ['tests/engines/**/*.test.ts'],
					globalSetup: ['tests/engines/server.ts'],
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
