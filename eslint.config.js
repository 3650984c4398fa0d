import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib, lowest first: a module may import from its own folder and from the folders
 * listed before it, never from one after it (content ← quiz ← export/instructor/print/browser/results
 * ← components ← routes). `text` and `storage` hold helpers that several layers need, below all of them.
 */
const layers = [
	['text', 'storage'],
	['content'],
	['quiz'],
	['export', 'instructor', 'print', 'browser', 'results', 'scorm'],
	['components']
];
const libFolders = layers.flat();

/** An import path that reaches into one of these src/lib folders, relatively or through $lib. */
const folderImport = (folders) => `(^|/)(${folders.join('|')})(/|$)`;

/** The no-restricted-imports rule for one folder: nothing from a later layer or a sibling. */
function layerRule(folder) {
	const level = layers.findIndex((group) => group.includes(folder));
	const above = layers.slice(level + 1).flat();
	const siblings = layers[level].filter((f) => f !== folder);
	const patterns = [
		{
			regex: folderImport([...above, 'server', 'routes']),
			message: `src/lib/${folder} is below that layer: move the shared code down instead (layers: ${layers.map((g) => g.join('/')).join(' ← ')}).`
		}
	];
	if (siblings.length)
		patterns.push({
			regex: folderImport(siblings),
			message: `src/lib/${folder} and its sibling layer may not import each other: move the shared code down.`
		});
	if (folder !== 'components')
		patterns.push({
			regex: '^(\\$app/|svelte($|/))|\\.svelte$',
			message: `src/lib/${folder} is plain TypeScript that runs anywhere: no SvelteKit, Svelte or components.`
		});
	else
		patterns.push({
			regex: '^\\$app/',
			message:
				'Components run outside SvelteKit too (a pack preview, a SCORM package): take links as props or from the QuizLinks context.'
		});
	return {
		files: [`src/lib/${folder}/**/*.{ts,svelte}`],
		rules: { 'no-restricted-imports': ['error', { patterns }] }
	};
}

export const layerRules = libFolders.map(layerRule);

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'no-console': ['error', { allow: ['warn', 'error'] }],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ ignoreRestSiblings: true, argsIgnorePattern: '^_' }
			]
		}
	},
	{
		// Typed linting for TypeScript and Svelte: the project service gives each file the types tsconfig
		// sees, so a promise that is neither awaited nor handled is an error.
		files: ['**/*.ts', '**/*.svelte'],
		// The service worker is type-checked by SvelteKit's own worker config, not the app's project.
		ignores: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...layerRules,
	{
		files: ['scripts/**'],
		rules: { 'no-console': 'off' }
	},
	{
		// The unit tests share their workers' modules (isolate: false in vite.config.ts), so a module
		// mocked in one file would be the real one, or the mock, in whichever file ran first. (A
		// vi.doMock after vi.resetModules, undone after the file, is not hoisted and stays in its file.)
		files: ['tests/unit/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.name='vi'][callee.property.name='mock']",
					message:
						'Unit test files share modules (isolate: false): pass the dependency in, or use vi.doMock after vi.resetModules and undo it after the file.'
				}
			]
		}
	},
	{
		// Components run outside SvelteKit too (a SCORM package): they get their links ready-made,
		// from QuizLinks or props, and the page that supplies them resolves them.
		files: ['src/lib/components/**'],
		rules: { 'svelte/no-navigation-without-resolve': 'off' }
	}
);
