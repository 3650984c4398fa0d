import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { SCORM_PLAYER_DIR } from './src/lib/server/package-kit';

/**
 * The quiz player of a SCORM package, built apart from the site as one classic script and one
 * stylesheet (`player.js`, `player.css`): no router, no module loader, nothing fetched from elsewhere,
 * so it runs from whatever path an LMS serves the package at. `npm run build` builds it first; the
 * SCORM exporter copies it into each package.
 */
export default defineConfig({
	plugins: [svelte({ configFile: false, compilerOptions: { css: 'external' } })],
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	define: { 'process.env.NODE_ENV': JSON.stringify('production') },
	build: {
		outDir: SCORM_PLAYER_DIR,
		emptyOutDir: true,
		copyPublicDir: false,
		target: 'es2020',
		cssCodeSplit: false,
		lib: {
			entry: 'src/scorm/main.ts',
			formats: ['iife'],
			name: 'SourcedScormPlayer',
			fileName: () => 'player.js',
			cssFileName: 'player'
		}
	}
});
