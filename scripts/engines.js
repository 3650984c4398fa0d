// Finds Firefox ESR and WebKitGTK (WebKitWebDriver, MiniBrowser, xvfb-run) for the cross-engine
// smoke suite. Run directly (`node scripts/engines.js`), it installs Debian's packages when it can
// (Debian, as root) and otherwise says in one line per engine how to get it; the suite then skips
// that engine and says so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = [
	'/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
	'/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
	'/usr/libexec/webkit2gtk-4.1/MiniBrowser'
];
const XVFB_RUN = '/usr/bin/xvfb-run';
const PACKAGES = ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'];

/** @param {string[]} paths */
const first = (paths) => paths.find((p) => existsSync(p));

/** Where each engine is, or why it is missing. */
export function findEngines() {
	const firefox = process.env.FIREFOX_PATH || first(FIREFOX);
	const browser = process.env.MINIBROWSER_PATH || first(MINIBROWSER);
	const webkit =
		existsSync(WEBKIT_DRIVER) && browser && existsSync(XVFB_RUN)
			? { driver: WEBKIT_DRIVER, browser, xvfbRun: XVFB_RUN }
			: undefined;
	return {
		firefox,
		webkit,
		missing: {
			firefox: firefox
				? undefined
				: 'No Firefox for the cross-engine suite: install one (Debian/Ubuntu: "sudo apt-get install firefox-esr") or set FIREFOX_PATH.',
			webkit: webkit
				? undefined
				: 'No WebKitGTK for the cross-engine suite: on Debian/Ubuntu, "sudo apt-get install webkit2gtk-driver xvfb xauth".'
		}
	};
}

function main() {
	let found = findEngines();
	const canApt =
		process.platform === 'linux' &&
		process.getuid?.() === 0 &&
		existsSync('/etc/debian_version') &&
		existsSync('/usr/bin/apt-get');
	if ((!found.firefox || !found.webkit) && canApt) {
		console.log(`Installing Debian packages for the cross-engine suite: ${PACKAGES.join(' ')}...`);
		execFileSync(
			'sh',
			[
				'-c',
				`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGES.join(' ')}`
			],
			{ stdio: 'inherit' }
		);
		found = findEngines();
	}
	if (found.firefox) console.log(`Firefox: ${found.firefox}`);
	if (found.webkit) console.log(`WebKit: ${found.webkit.browser} via ${found.webkit.driver}`);
	for (const line of Object.values(found.missing)) if (line) console.log(line);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
