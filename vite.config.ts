import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from './paraglide.config.js';

export default defineConfig({
	// Tests use what `npm run messages` compiled (npm test runs it first): the plugin's watcher would keep Vitest from exiting.
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(PARAGLIDE_OPTIONS)]), sveltekit()],
	test: {
		// Unit and domain tests beside their code; the trust suites (every route's guard, hostile input, concurrency, resilience) in tests/trust.
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/trust/**/*.test.ts'],
		globalSetup: ['src/lib/server/testing/global-setup.ts'],
		setupFiles: ['src/lib/server/testing/setup-file.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Two cores: one fork per core keeps argon2 and Postgres from starving each other.
		maxWorkers: 2
	}
});
