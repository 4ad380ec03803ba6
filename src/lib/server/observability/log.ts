/**
 * The server's one logger: a JSON object a line on standard output (pino), for journald,
 * Docker or any log shipper. Each line written while a request or a job runs carries its
 * `requestId` (also the request's X-Request-Id answer header) or its `job`, so one request
 * can be followed across its lines and across instances. LOG_LEVEL: debug, info (default),
 * warn, error. `| npx pino-pretty` reads it as text (docs/OPERATIONS.md).
 *
 * Never a secret in a line: request lines name the route and a path whose token segments
 * are masked (observability/requests.ts), never a query string or a header; the keys below
 * are censored wherever they appear, should an object holding one ever be logged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import pino from 'pino';

type LogContext = { requestId: string } | { job: string; jobId?: string };
const context = new AsyncLocalStorage<LogContext>();

const SECRET_KEYS = ['password', 'token', 'authorization', 'cookie', 'secret', 'databaseUrl'];

const level = process.env.LOG_LEVEL ?? 'info';
export const log = pino(
	{
		level,
		timestamp: pino.stdTimeFunctions.isoTime,
		// 'info' rather than 30: read by people as often as by machines.
		formatters: { level: (label) => ({ level: label }) },
		mixin: () => context.getStore() ?? {},
		redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' }
	},
	// Warnings and errors on standard error, the rest on standard output (each line on one of them).
	pino.multistream(
		[
			{ level, stream: pino.destination({ fd: 1, sync: true }) },
			{ level: 'warn', stream: pino.destination({ fd: 2, sync: true }) }
		],
		{ dedupe: true }
	)
);

/** Runs `work` with every line it logs (however deep) tagged with this request's or job's id. */
export function withLogContext<T>(tags: LogContext, work: () => T): T {
	return context.run(tags, work);
}

/** What was thrown, for the `err` field (pino writes its message, type and stack). */
export function asError(thrown: unknown): Error {
	return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/**
 * What libraries and adapter-node write with console.* becomes log lines too, so every line
 * of the built server is JSON. (Not under `npm run dev`: Vite's own output stays readable.)
 */
export function logConsoleToo(): void {
	const to =
		(level: 'debug' | 'info' | 'warn' | 'error') =>
		(...args: unknown[]) => {
			const err = args.find((arg) => arg instanceof Error);
			log[level](err ? { err } : {}, format(...args.filter((arg) => arg !== err)));
		};
	console.debug = to('debug');
	console.log = console.info = to('info');
	console.warn = to('warn');
	console.error = to('error');
}
