/**
 * Prometheus metrics for this instance at GET /metrics (prom-client's text format), for an
 * operator's Prometheus or Grafana Agent. Behind a bearer token, METRICS_TOKEN; without it
 * the route does not exist (404). Behind a balancer each instance is scraped on its own port.
 *
 * - hearth_http_request_duration_seconds{method,route,status}: every request, by route id
 *   (`/h/[hid]/expenses`), so the label set stays bounded whatever the addresses.
 * - hearth_db_pool_connections{state}, hearth_db_pool_waiting, hearth_db_pool_max: the pool.
 * - hearth_job_runs_total{queue,outcome}, hearth_job_duration_seconds{queue}: background jobs.
 * - hearth_backup_last_success_timestamp_seconds: for an alert when backups stop.
 * - nodejs_eventloop_lag_* (p50, p90, p99, max), heap, CPU, handles: prom-client's defaults.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { poolUsage } from '$lib/server/db';
import { backupStatus } from '$lib/server/backup/schedule';
import { asError, log } from './log';

export const registry = new Registry();
// 10 ms: the event loop's delay is sampled as finely as event-loop.ts samples it for the benchmark.
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

const requestDuration = new Histogram({
	name: 'hearth_http_request_duration_seconds',
	help: 'Time from a request arriving to its answer starting, by route.',
	labelNames: ['method', 'route', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `route`: SvelteKit's route id, or null when no route matched (all such requests share one label). */
export function observeRequest(method: string, route: string | null, status: number, seconds: number): void {
	requestDuration.observe({ method: METHODS.has(method) ? method : 'other', route: route ?? 'unmatched', status: String(status) }, seconds);
}

new Gauge({
	name: 'hearth_db_pool_connections',
	help: "Connections in this instance's PostgreSQL pool, busy (checked out) or idle.",
	labelNames: ['state'] as const,
	registers: [registry],
	collect() {
		const usage = poolUsage();
		this.set({ state: 'busy' }, usage ? usage.total - usage.idle : 0);
		this.set({ state: 'idle' }, usage?.idle ?? 0);
	}
});
new Gauge({
	name: 'hearth_db_pool_waiting',
	help: 'Queries waiting for a free connection (the pool is exhausted while this is above 0).',
	registers: [registry],
	collect() {
		this.set(poolUsage()?.waiting ?? 0);
	}
});
new Gauge({
	name: 'hearth_db_pool_max',
	help: 'The most connections the pool opens (DATABASE_POOL_SIZE).',
	registers: [registry],
	collect() {
		this.set(poolUsage()?.max ?? 0);
	}
});

const jobRuns = new Counter({
	name: 'hearth_job_runs_total',
	help: 'Background job runs finished in this instance, by queue and outcome (succeeded or failed).',
	labelNames: ['queue', 'outcome'] as const,
	registers: [registry]
});
const jobDuration = new Histogram({
	name: 'hearth_job_duration_seconds',
	help: 'How long background jobs ran, by queue.',
	labelNames: ['queue'] as const,
	buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
	registers: [registry]
});

/** Runs one job, counted and timed; a failure is logged and thrown on (pg-boss retries as the queue says). */
export async function countedJob<T>(queue: string, work: () => Promise<T>): Promise<T> {
	const stopTimer = jobDuration.startTimer({ queue });
	try {
		const result = await work();
		jobRuns.inc({ queue, outcome: 'succeeded' });
		return result;
	} catch (error) {
		jobRuns.inc({ queue, outcome: 'failed' });
		log.error({ err: asError(error), queue }, `Job ${queue} failed`);
		throw error;
	} finally {
		stopTimer();
	}
}

new Gauge({
	name: 'hearth_backup_last_success_timestamp_seconds',
	help: 'When the last scheduled backup finished well (Unix time; 0: none yet).',
	registers: [registry],
	async collect() {
		try {
			const { lastGood } = await backupStatus();
			this.set(lastGood ? lastGood.at.getTime() / 1000 : 0);
		} catch {
			// No database, no figure: the scrape still answers with the rest.
		}
	}
});

/** 'off' when no METRICS_TOKEN is set (the route answers 404), else whether the Authorization header carries it. */
export function metricsAccess(authorization: string | null, token = process.env.METRICS_TOKEN): 'off' | 'allowed' | 'denied' {
	if (!token) return 'off';
	const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (!given) return 'denied';
	// Compared as digests: equal lengths, in constant time, so the answer's timing tells nothing about the token.
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(token)) ? 'allowed' : 'denied';
}
