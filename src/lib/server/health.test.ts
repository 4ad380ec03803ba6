import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from './testing/http';
import { BUILT_MIGRATIONS, checkHealth } from './health';
import { isDraining, startDraining } from './draining';

describe('the health check a load balancer asks', () => {
	it('knows every migration in migrations/', () => {
		const files = readdirSync('migrations')
			.filter((file) => file.endsWith('.ts'))
			.map((file) => file.replace(/\.ts$/, ''))
			.sort();
		expect(BUILT_MIGRATIONS).toEqual(files);
	});

	it('is healthy when the database has every migration of the build, and says which are missing when not', async () => {
		expect(await checkHealth()).toEqual({ ok: true, database: 'reachable', missingMigrations: [], stopping: false });
		const newer = [...BUILT_MIGRATIONS, '2099-01-01-99-from-a-newer-build'];
		expect(await checkHealth(newer)).toEqual({ ok: false, database: 'reachable', missingMigrations: ['2099-01-01-99-from-a-newer-build'], stopping: false });
	});

	it('answers GET /healthz with 200 and no caching, to anyone', async () => {
		const response = await call('/healthz');
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ ok: true, database: 'reachable', missingMigrations: [], stopping: false });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('answers 503 once told to stop, so the balancer takes the instance out while it still serves', async () => {
		expect(isDraining()).toBe(false);
		startDraining();
		try {
			expect(await checkHealth()).toEqual({ ok: false, database: 'reachable', missingMigrations: [], stopping: true });
		} finally {
			delete (globalThis as Record<symbol, unknown>)[Symbol.for('hearth.draining')];
		}
	});
});
