import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '$lib/content/schema';
import type { PackageKit, PlayerFiles } from '$lib/export/types';

/** Where `npm run build:player` (the first step of `npm run build`) puts the SCORM package's player. */
export const SCORM_PLAYER_DIR = '.svelte-kit/scorm-player';

/** The built player, read from the project folder; fails with the command to run when it is not built. */
export function readPlayerFiles(root = process.cwd()): PlayerFiles {
	const dir = join(root, SCORM_PLAYER_DIR);
	const js = join(dir, 'player.js');
	const css = join(dir, 'player.css');
	if (!existsSync(js) || !existsSync(css))
		throw new Error(
			`The SCORM player is not built (${SCORM_PLAYER_DIR}/player.js is missing): run "npm run build:player" (npm run build runs it first).`
		);
	return { js: readFileSync(js, 'utf8'), css: readFileSync(css, 'utf8') };
}

/** What a SCORM package carries beyond its pack: the built player and the bank's source texts. */
export function packageKitOf(bank: Bank, root = process.cwd()): PackageKit {
	return {
		player: readPlayerFiles(root),
		sourceTexts: Object.fromEntries(bank.sources.map((s) => [s.id, s.text]))
	};
}
