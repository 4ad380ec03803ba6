/**
 * The cluster test's load: autocannon through HAProxy, each request for one of several
 * households (its owner's token), three reads (balances, the expense list, proposals) to
 * one write (an expense). Every acknowledged write's id is kept, to be found in the database
 * afterwards; every 5xx and connection error is kept with its time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { equalExpense } from '../../src/lib/server/testing/bodies';

export interface House {
	id: string;
	token: string;
	email: string;
	password: string;
	memberIds: string[];
}

export interface LoadResult {
	requests: number;
	requestsPerSecond: number;
	latencyP50Ms: number;
	latencyP99Ms: number;
	status5xx: number;
	errors: number;
	acknowledged: string[];
	failures: Array<{ at: number; what: string }>;
}

export interface LoadOptions {
	seconds: number;
	connections?: number;
	/** Runs while the load does (a fault, a restart); with untilDone the load stops when it ends. */
	during?: () => Promise<void>;
	untilDone?: boolean;
}

export async function runLoad(url: string, houses: House[], options: LoadOptions): Promise<LoadResult> {
	const acknowledged: string[] = [];
	const failures: LoadResult['failures'] = [];
	let sent = 0;
	let finished: (result: autocannon.Result) => void = () => {};
	let failed: (error: Error) => void = () => {};
	const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
	const instance = autocannon(
		{
			url,
			connections: options.connections ?? 16,
			duration: options.seconds,
			timeout: 30,
			requests: [
				{
					setupRequest: (request: autocannon.Request) => {
						const house = houses[sent % houses.length]!;
						const kind = sent++ % 4;
						const headers = { authorization: `Bearer ${house.token}`, 'x-forwarded-for': `198.51.100.${(sent % 200) + 1}`, 'content-type': 'application/json' };
						const base = `/api/v1/households/${house.id}`;
						if (kind === 3) {
							const [a, b] = house.memberIds;
							const body = equalExpense(a!, [a!, b!], 100 + (sent % 900), `Load ${sent}`);
							return { ...request, method: 'POST', path: `${base}/expenses`, headers, body: JSON.stringify(body) };
						}
						const path = [`${base}/balances`, `${base}/expenses?limit=20`, `${base}/proposals`][kind]!;
						return { ...request, method: 'GET', path, headers, body: undefined };
					},
					onResponse: (status: number, body: string) => {
						if (status === 201) acknowledged.push((JSON.parse(body) as { id: string }).id);
						if (status >= 500) failures.push({ at: Date.now(), what: `${status}` });
					}
				}
			]
		},
		(error, result) => (error ? failed(error) : finished(result))
	);
	instance.on('reqError', (error: Error) => failures.push({ at: Date.now(), what: error.message }));
	const fault = options.during?.().then(() => {
		if (options.untilDone) instance.stop();
	});
	const result = await done;
	await fault;
	return {
		requests: result.requests.total,
		requestsPerSecond: Math.round(result.requests.total / (result.duration || options.seconds)),
		latencyP50Ms: result.latency.p50,
		latencyP99Ms: result.latency.p99,
		status5xx: result['5xx'],
		errors: result.errors + result.timeouts,
		acknowledged,
		failures
	};
}

/** The machine's CPU use from now until the returned function is called, in percent of all cores. */
export function busyShare(): () => number {
	const read = () => {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		const idle = fields[3]! + (fields[4] ?? 0);
		return { idle, total: fields.reduce((sum, x) => sum + x, 0) };
	};
	const start = read();
	return () => {
		const end = read();
		const total = end.total - start.total;
		return total > 0 ? Math.round(100 * (1 - (end.idle - start.idle) / total)) : 0;
	};
}

export type Role = 'postgres' | 'app' | 'haproxy' | 'load';

/**
 * Where the CPU went from now until the returned function is called, in percent of the time
 * that passed (100 = one core): the cluster's PostgreSQL (the server whose data is under
 * `dataDir`, and its backends), the app instances (app), HAProxy, and this process (the load
 * generator). Read from /proc, so the bottleneck is named by measurement.
 */
export function cpuByRole(dataDir: string): () => Record<Role, number> {
	const ticksPerSecond = 100; // USER_HZ on Linux
	const read = () => {
		const used: Record<Role, number> = { postgres: 0, app: 0, haproxy: 0, load: 0 };
		const processes = readdirSync('/proc')
			.filter((name) => /^\d+$/.test(name))
			.flatMap((pid) => {
				try {
					const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
					// After the command's closing parenthesis: state, ppid, …; utime and stime are the 12th and 13th.
					const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
					const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
					return [{ pid: Number(pid), ppid: Number(fields[1]), cmdline, ticks: Number(fields[11]) + Number(fields[12]) }];
				} catch {
					return []; // ended between listing and reading
				}
			});
		const postmasters = new Set(processes.filter((p) => p.cmdline.includes(dataDir)).map((p) => p.pid));
		for (const p of processes) {
			const role: Role | undefined =
				p.pid === process.pid
					? 'load'
					: postmasters.has(p.pid) || postmasters.has(p.ppid)
						? 'postgres'
						: p.cmdline.includes('haproxy')
							? 'haproxy'
							: p.cmdline.includes('scripts/start.ts')
								? 'app'
								: undefined;
			if (role) used[role] += p.ticks;
		}
		return { used, at: Date.now() };
	};
	const start = read();
	return () => {
		const end = read();
		const seconds = (end.at - start.at) / 1000;
		const share = (role: Role) => Math.round((100 * Math.max(0, end.used[role] - start.used[role])) / ticksPerSecond / seconds);
		return { postgres: share('postgres'), app: share('app'), haproxy: share('haproxy'), load: share('load') };
	};
}
