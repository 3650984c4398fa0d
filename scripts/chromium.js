// Finds a Chromium for the end-to-end tests: $CHROME_PATH, then /usr/bin/chromium, then Playwright's
// own browser. Run directly (`node scripts/chromium.js`), it installs Debian's chromium package when it
// can (Debian, as root) and otherwise says in one line how to get a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags this machine's Chromium needs: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Path of a usable Chromium, or undefined. */
export async function findChromium() {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv && existsSync(fromEnv)) return fromEnv;
	if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// Playwright not installed or no browser of its own: fall through.
	}
	return undefined;
}

async function main() {
	let found = await findChromium();
	const canApt =
		process.platform === 'linux' &&
		process.getuid?.() === 0 &&
		existsSync('/etc/debian_version') &&
		existsSync('/usr/bin/apt-get');
	if (!found && canApt) {
		console.log('No Chromium found: installing Debian package "chromium" (about 30 s)...');
		execFileSync(
			'sh',
			[
				'-c',
				'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'
			],
			{
				stdio: 'inherit'
			}
		);
		found = await findChromium();
	}
	if (!found) {
		console.error(
			'No Chromium for the e2e tests: install one (Debian/Ubuntu: "sudo apt-get install chromium") or set CHROME_PATH to a Chrome/Chromium binary.'
		);
		process.exit(1);
	}
	console.log(`Chromium for e2e tests: ${found}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
