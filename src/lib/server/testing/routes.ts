/**
 * Every page load, form action and endpoint in src/routes, read from the files, so a
 * suite built on it cannot forget a new route: `/route` → ['load', 'save', 'GET', …].
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function discoverRoutes(dir = 'src/routes'): Record<string, string[]> {
	const found: Record<string, string[]> = {};
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		const route = '/' + relative('src/routes', dir);
		if (statSync(path).isDirectory()) Object.assign(found, discoverRoutes(path));
		else if (name === '+server.ts') {
			found[route] = [...readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!);
		} else if (name === '+page.server.ts') {
			const source = readFileSync(path, 'utf8');
			const actionsBlock = source.split('export const actions')[1] ?? '';
			const actions = [...actionsBlock.matchAll(/^\t(\w+): /gm)].map((m) => m[1]!);
			found[route] = [...(source.includes('export const load') ? ['load'] : []), ...actions];
		} else if (name === '+page.svelte' && !readdirSync(dir).includes('+page.server.ts')) {
			found[route] = ['load'];
		}
	}
	return found;
}

/** `/route name` for every discovered entry, sorted: what an access table must list. */
export function routeEntries(routes: Record<string, string[]>): string[] {
	return Object.entries(routes)
		.flatMap(([route, names]) => names.map((name) => `${route} ${name}`))
		.sort();
}
