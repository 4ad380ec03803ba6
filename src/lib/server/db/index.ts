import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { Database } from './schema';
import { log } from '../observability/log';

// `date` columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone, and turning
// it into a JS Date would shift it by the server's offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts and ids fit comfortably in a JS number for this app's sizes; money uses
// its own parsing where it matters.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

let instance: Kysely<Database> | undefined;
let instancePool: pg.Pool | undefined;

/**
 * `queryTimeoutMs`: how long one query may go unanswered before it fails (0: no bound).
 * A connection PostgreSQL cuts at the wrong moment can leave a query waiting for an answer
 * that never comes; bounded, the request answers 503 instead of hanging.
 */
export function createDb(connectionString: string, max = 10, queryTimeoutMs = 0): Kysely<Database> {
	return kyselyOn(createPool(connectionString, max, queryTimeoutMs));
}

function kyselyOn(pool: pg.Pool): Kysely<Database> {
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

function createPool(connectionString: string, max: number, queryTimeoutMs: number): pg.Pool {
	// A database that does not answer fails the request in seconds (a 503 page), not never.
	const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000, ...(queryTimeoutMs > 0 ? { query_timeout: queryTimeoutMs } : {}) });
	// A dropped connection must not crash the server; the next query gets a fresh one.
	pool.on('error', (error) => log.error({ err: error }, 'PostgreSQL pool error'));
	// A connection cut while checked out (mid-transaction) reports on its client, where no
	// one listens: without this the whole server would crash. Its query fails, and the
	// pool drops the broken client when it comes back.
	pool.on('connect', (client) => {
		client.on('error', (error) => log.error({ err: error }, 'PostgreSQL connection lost'));
		preparesStatements(client);
		if (queryTimeoutMs > 0) dropOnTimeout(client);
	});
	return pool;
}

/**
 * A query that timed out leaves its connection waiting for an answer that will not come
 * (every later query on it would wait behind it): the connection is closed, so the pool
 * drops it and opens a fresh one. pg has no public way to do this; its socket is closed.
 */
function dropOnTimeout(client: pg.PoolClient): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	client.query = ((...args: unknown[]) => {
		const result = query(...args);
		if (result instanceof Promise)
			result.catch((error: Error) => {
				if (error.message !== 'Query read timeout') return;
				log.error('PostgreSQL query unanswered: closing its connection.');
				(client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
			});
		return result;
	}) as typeof client.query;
}

/**
 * Named statements: PostgreSQL parses and plans a named statement once per connection and
 * reuses it, where an unnamed one is planned again every time (planning was a third to two
 * thirds of the database's time per request). Every parameterised read or write the app
 * makes gets a name from its text; at most MAX_NAMED distinct texts are named (statements
 * past that, rare and built at run time, stay unnamed), so each connection holds a bounded
 * number of prepared statements.
 */
const MAX_NAMED = 1000;
/**
 * HEARTH_QUERY_LOG (tests only): each distinct statement text this process sends, one JSON
 * string a line, for the check that every statement on a household table filters by its
 * household (tests/trust/household-filter.test.ts). Distinct texts are few; values are never written.
 */
const QUERY_LOG = process.env.HEARTH_QUERY_LOG;
const loggedStatements = new Set<string>();

function logStatement(text: string): void {
	if (loggedStatements.has(text) || loggedStatements.size >= 10 * MAX_NAMED) return;
	loggedStatements.add(text);
	appendFileSync(QUERY_LOG!, JSON.stringify(text) + '\n');
}

const statementNames = new Map<string, string>();
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

export function statementName(text: string): string | undefined {
	const known = statementNames.get(text);
	if (known || statementNames.size >= MAX_NAMED || !NAMEABLE.test(text)) return known;
	const name = `h${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
	statementNames.set(text, name);
	return name;
}

function preparesStatements(client: pg.PoolClient): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	client.query = ((...args: unknown[]) => {
		const [text, values, ...rest] = args;
		if (QUERY_LOG && typeof text === 'string') logStatement(text);
		const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 ? statementName(text) : undefined;
		return name ? query({ name, text, values }, ...rest) : query(...args);
	}) as typeof client.query;
}

/** The app's one Kysely instance, created on first use from DATABASE_URL. */
export function getDb(): Kysely<Database> {
	if (!instance) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.');
		// A minute by default: far past any query a request makes; seeding a big house sets 0.
		instancePool = createPool(url, Number(process.env.DATABASE_POOL_SIZE ?? 10), Number(process.env.DATABASE_QUERY_TIMEOUT_MS ?? 60_000));
		instance = kyselyOn(instancePool);
	}
	return instance;
}

/** The app pool's connections now (for /metrics); undefined before the first query. */
export function poolUsage(): { total: number; idle: number; waiting: number; max: number } | undefined {
	const pool = instancePool;
	return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max };
}

export async function closeDb(): Promise<void> {
	await instance?.destroy();
	instance = undefined;
	instancePool = undefined;
}

export type { Database };
