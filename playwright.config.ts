import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.js';

const executablePath = await findChromium();
// Another port lets a second checkout run its e2e tests beside this one.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: 'list',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: { executablePath, args: CHROMIUM_ARGS },
		trace: 'retain-on-failure',
		// Each test starts in a fresh browser, whose first page would install the service worker and
		// download the whole site for offline use (97 files, 6.4 MB) while the test runs. Only the tests
		// about the worker allow it (`test.use({ serviceWorkers: 'allow' })`).
		serviceWorkers: 'block'
	},
	webServer: {
		command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
