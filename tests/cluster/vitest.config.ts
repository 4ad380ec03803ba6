import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: the scale-out test alone (it starts its own PostgreSQL, instances and HAProxy).
export default defineConfig({
	test: {
		include: ['tests/cluster/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 240_000,
		fileParallelism: false
	}
});
