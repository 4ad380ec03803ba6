/**
 * The scale-out rig (`npm run test:cluster`): an embedded PostgreSQL, Hearth instances started
 * as deploy/hearth@.service starts them (`npm start`'s script, its environment from
 * deploy/hearth.env.example) and HAProxy with deploy/haproxy.cfg itself, all on loopback
 * ports. Every process is its own process group, so a signal reaches it as systemd sends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../src/lib/server/db/embedded';
import { ensureDatabase, withDatabase } from '../../src/lib/server/db/bootstrap';

export const WORK_DIR = resolve('.data/cluster');
/** Debian's haproxy package puts it in /usr/sbin, which is not on every user's PATH. */
const HAPROXY = process.env.HAPROXY_PATH ?? ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((path) => existsSync(path));

export async function freePort(): Promise<number> {
	return new Promise((done) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await ready().catch(() => false)) return;
		await sleep(100);
	}
	throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function answers(url: string): Promise<boolean> {
	return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
}

export interface Instance {
	name: string;
	port: number;
	process?: ChildProcess;
	exited?: Promise<number | null>;
}

export class Cluster {
	databaseUrl = '';
	balancerUrl = '';
	readonly instances: Instance[] = [];
	private stopDatabase = async () => {};
	private balancer?: ChildProcess;
	private readonly logs = resolve(WORK_DIR, 'logs');

	async start(count = 3): Promise<void> {
		if (!HAPROXY) throw new Error('The cluster test needs HAProxy: apt-get install haproxy (or set HAPROXY_PATH).');
		rmSync(WORK_DIR, { recursive: true, force: true });
		mkdirSync(this.logs, { recursive: true });
		const database = await startEmbeddedPostgres({ dataDir: resolve(WORK_DIR, 'postgres'), fresh: true });
		this.stopDatabase = database.stop;
		await ensureDatabase(database.serverUrl, 'hearth');
		this.databaseUrl = withDatabase(database.serverUrl, 'hearth');
		for (let i = 1; i <= count; i++) this.instances.push({ name: `app${i}`, port: await freePort() });
		const bind = await freePort();
		this.balancerUrl = `http://127.0.0.1:${bind}`;
		const env: Record<string, string> = { HEARTH_BIND: `127.0.0.1:${bind}`, HEARTH_HAPROXY_SOCKET: resolve(WORK_DIR, 'haproxy.sock') };
		this.instances.forEach((instance, i) => (env[`HEARTH_APP${i + 1}`] = `127.0.0.1:${instance.port}`));
		this.balancer = spawn(HAPROXY, ['-f', 'deploy/haproxy.cfg', '-db'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		this.pipe(this.balancer, 'haproxy');
	}

	/** Starts an instance the way deploy/hearth@.service does, and waits until HAProxy sends it requests. */
	async up(instance: Instance): Promise<void> {
		// As deploy/hearth@.service: node itself runs scripts/start.ts (tsx as its loader), so a signal reaches start.ts first.
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(instance.port),
				HOST: '127.0.0.1',
				DATABASE_URL: this.databaseUrl,
				ORIGIN: this.balancerUrl,
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1',
				HEARTH_DRAIN_SECONDS: '2',
				SHUTDOWN_TIMEOUT: '30',
				DATABASE_POOL_SIZE: '10',
				COOKIE_SECURE: 'false',
				// The load signs up many accounts from one address, and reads as fast as it can with one token per house.
				SIGNUP_LIMIT_PER_HOUR: '100000',
				API_RATE_LIMIT_PER_MINUTE: '0',
				MAIL_DIR: resolve(WORK_DIR, 'mail'),
				HEARTH_DELIVERY_POLL_MS: '500'
			}
		});
		instance.process = child;
		instance.exited = new Promise((done) => child.once('exit', (code) => done(code)));
		this.pipe(child, instance.name);
		await waitFor(`${instance.name} /healthz`, () => answers(`http://127.0.0.1:${instance.port}/healthz`));
		await this.waitInRotation(instance, true);
	}

	/** SIGTERM to the whole process group, as systemd stops a service; resolves when it has exited. */
	async stop(instance: Instance, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
		if (!instance.process?.pid) return;
		process.kill(-instance.process.pid, signal);
		await instance.exited;
		instance.process = undefined;
	}

	/** Whether HAProxy has the instance UP (its runtime API over the stats socket). */
	async waitInRotation(instance: Instance, up: boolean): Promise<void> {
		await waitFor(`${instance.name} ${up ? 'in' : 'out of'} rotation`, async () => (await this.serverState(instance.name)) === (up ? 'UP' : 'DOWN'));
	}

	async serverState(name: string): Promise<string> {
		const text = await this.runtime('show stat');
		const row = text.split('\n').find((line) => line.startsWith(`hearth_instances,${name},`));
		// The status column (18th) reads UP, DOWN, "UP 1/2" or "DOWN 1/2" while checks change it.
		return row?.split(',')[17] ?? 'missing';
	}

	/** How many requests HAProxy has sent the instance so far (its `stot` column; one connection a request, as the config closes them). */
	async sessionsServed(name: string): Promise<number> {
		const row = (await this.runtime('show stat')).split('\n').find((line) => line.startsWith(`hearth_instances,${name},`));
		return Number(row?.split(',')[7] ?? 0);
	}

	/** Takes a server out of rotation ('maint') or puts it back ('ready'), as an operator would. */
	async setState(name: string, state: 'maint' | 'ready'): Promise<void> {
		await this.runtime(`set server hearth_instances/${name} state ${state}`);
	}

	/** One command to HAProxy's runtime API (the stats socket in deploy/haproxy.cfg). */
	private runtime(command: string): Promise<string> {
		return new Promise<string>((done, fail) => {
			let out = '';
			const socket = createConnection(resolve(WORK_DIR, 'haproxy.sock'), () => socket.end(`${command}\n`));
			socket.on('data', (chunk) => (out += chunk));
			socket.on('end', () => done(out));
			socket.on('error', fail);
		});
	}

	async close(): Promise<void> {
		for (const instance of this.instances) if (instance.process) await this.stop(instance).catch(() => undefined);
		this.balancer?.kill('SIGTERM');
		await this.stopDatabase();
	}

	/** What a process has written so far (stdout and stderr). */
	log(name: string): string {
		return readFileSync(resolve(this.logs, `${name}.log`), 'utf8');
	}

	private pipe(child: ChildProcess, name: string): void {
		const log = createWriteStream(resolve(this.logs, `${name}.log`), { flags: 'a' });
		child.stdout?.pipe(log, { end: false });
		child.stderr?.pipe(log, { end: false });
	}
}
