// `npm start`: the built server (run `npm run build` first) on PORT (default 3000),
// with migrations applied before it serves. Embedded PostgreSQL unless DATABASE_URL is set.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';

const entry = resolve('build/index.js');
if (!existsSync(entry)) {
	console.error('No build found. Run `npm run build` first, then `npm start`.');
	process.exit(1);
}
// Household imports can be large; every other route refuses bodies over 1 MB itself (hooks.server.ts).
process.env.BODY_SIZE_LIMIT ??= '200M';
const database = await prepareDatabase({ fresh: process.env.HEARTH_FRESH_DB === '1' });
process.env.DATABASE_URL = database.url;
if (process.env.HEARTH_DEMO === '1') {
	// For trying the production build (and the end-to-end tests): the demo household, as `npm run dev` has it.
	const { seedDemoHousehold } = await import('../src/lib/server/demo/seed');
	const { closeDb } = await import('../src/lib/server/db');
	await seedDemoHousehold();
	await closeDb();
}
// adapter-node closes the server on SIGINT/SIGTERM and then emits this; the database follows.
process.on('sveltekit:shutdown' as 'exit', () => void database.stop());
await import(pathToFileURL(entry).href);
