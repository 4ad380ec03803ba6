import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../testing/http';

const API_ROOT = 'src/routes/api/v1';

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return routeFiles(path);
		return name === '+server.ts' ? [path] : [];
	});
}

describe('the OpenAPI document', () => {
	it('is served without authentication as OpenAPI 3.1', async () => {
		const response = await call('/api/v1/openapi.json');
		expect(response.status).toBe(200);
		expect(response.body.openapi).toBe('3.1.0');
	});

	it('lists every method of every route under src/routes/api/v1, and nothing else', async () => {
		const doc = (await call('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
		const fromRoutes = routeFiles(API_ROOT).flatMap((file) => {
			const path =
				'/' +
				relative(API_ROOT, file)
					.replace(/\/?\+server\.ts$/, '')
					.replace(/\[(\w+)\]/g, '{$1}');
			const methods = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
			return methods.map((method) => `${method} ${path}`);
		});
		const fromDocument = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
		expect(fromRoutes.length).toBeGreaterThan(10);
		expect(fromDocument.sort()).toEqual(fromRoutes.sort());
	});
});
