// `npm start`: the built server (run `npm run build` first) on PORT (default 3000),
// with migrations applied before it serves. Embedded PostgreSQL unless DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { heapSizeIsSet, serverHeapFlag } from './server-heap';

const entry = resolve('build/index.js');
if (!existsSync(entry)) {
	console.error('No build found. Run `npm run build` first, then `npm start`.');
	process.exit(1);
}
if (!heapSizeIsSet(process.execArgv)) {
	// A heap cap must be set when node starts, so this process starts itself again with it (scripts/server-heap.ts says why).
	const child = spawn(process.execPath, [...process.execArgv, serverHeapFlag(), ...process.argv.slice(1)], { stdio: 'inherit' });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
	await serve();
}

async function serve() {
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
}
