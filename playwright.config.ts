import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;

// Browsers cannot be downloaded on our machines: use the system Chromium (Debian's
// package by default; CHROMIUM_PATH elsewhere).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests',
	// Browser journeys only: tests/trust holds Vitest suites.
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	// The service worker would answer scripts from its cache, out of reach of the tests that
	// hold them back (hydration.spec.ts): only the offline suite lets it run.
	use: { baseURL, trace: 'retain-on-failure', serviceWorkers: 'block' },
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				launchOptions: {
					executablePath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--disable-quic',
						'--no-first-run'
					]
				}
			}
		}
	],
	// The built app (npm run build) on a fresh embedded database of its own.
	webServer: {
		command: 'npx tsx scripts/start.ts',
		url: `${baseURL}/login`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN: baseURL,
			HEARTH_DATA_DIR: '.data/e2e-postgres',
			HEARTH_FRESH_DB: '1',
			HEARTH_DEMO: '1',
			// Every browser here signs up from 127.0.0.1; the limit itself is tested in auth-hardening.test.ts.
			SIGNUP_LIMIT_PER_HOUR: '1000',
			// Priya looks after the server: her dashboard shows the backups card (checked by the narrow and axe suites).
			INSTANCE_ADMINS: 'priya@maple.example',
			// Every API answer is checked against its documented schema (see api/response-check.ts).
			HEARTH_CHECK_RESPONSES: '1',
			// Warnings and errors only: a line per request would bury the test output.
			LOG_LEVEL: 'warn'
		}
	}
});
