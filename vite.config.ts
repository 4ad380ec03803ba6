import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
