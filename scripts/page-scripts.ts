// The scripts a first visit to a page runs, read from the build: for `npm run bench` (client
// JS per page) and the build's tests (each language's page gets its own language's scripts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The entry scripts the page's HTML names, the layout and page nodes it starts with
 * (`node_ids`, found in the app entry's list of nodes), and every module those import
 * statically, as paths under `clientDir`. `import("…")` loads later, if ever: not counted.
 */
export function pageScripts(html: string, clientDir = 'build/client'): string[] {
	const entries = [...html.matchAll(/["'](\/_app\/immutable\/[^"']+\.js)["']/g)].map((m) => join(clientDir, m[1]!));
	const app = entries.find((file) => /\/entry\/app\.[^/]+\.js$/.test(file));
	const nodeIds = (/node_ids:\s*\[([\d,\s]*)\]/.exec(html)?.[1] ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	if (app && existsSync(app)) {
		const appCode = readFileSync(app, 'utf8');
		for (const id of nodeIds) {
			const node = new RegExp(`nodes/(${id}\\.[\\w-]+\\.js)`).exec(appCode)?.[1];
			if (node) entries.push(join(dirname(app), '../nodes', node));
		}
	}
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		if (!existsSync(file)) return;
		// Static imports only (`import{…}from"../chunks/x.js"`, `import"./y.js"`).
		for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(join(dirname(file), m[1]!));
	};
	entries.forEach(visit);
	return [...seen];
}
