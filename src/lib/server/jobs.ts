/**
 * Background sweeps on pg-boss: a Postgres-backed queue whose cron is coordinated in the
 * database, so with several app instances each sweep still runs once at a time.
 * Correctness never waits for it: the guard runs a due household's catch-up step too.
 */
import PgBoss from 'pg-boss';
import { catchUpDueHouseholds } from './households/catch-up';
import { TASKS, useQueue } from './later';
import { removeExpiredDemos } from './demo/visitor';
import { deliverDue } from './notifications/deliver';
import { runScheduledBackup } from './backup/schedule';
import { asError, log, withLogContext } from './observability/log';
import { countedJob } from './observability/metrics';

const CATCH_UP = 'catch-up';
const DEMO_SWEEP = 'remove-expired-demos';
const DELIVER = 'deliver-notifications';
const BACKUP = 'instance-backup';
/** A delivery job looks for due notifications this often for most of its minute; the next minute's job takes over. */
const DELIVERY_POLL_MS = Number(process.env.HEARTH_DELIVERY_POLL_MS ?? 5000);
const DELIVERY_JOB_MS = 55_000;
let boss: PgBoss | undefined;

export async function startJobs(connectionString: string): Promise<void> {
	if (boss || process.env.HEARTH_JOBS === '0') return;
	surviveUnrecordedJobEnds();
	boss = new PgBoss({ connectionString, max: 2 });
	useQueue(boss);
	boss.on('error', (error) => log.error({ err: error }, 'Job runner error'));
	await boss.start();
	// Every household whose work is due: recurring expenses, closing proposals (and their
	// linked expenses), the chore calendar's past. A request to a due household does it too.
	await boss.createQueue(CATCH_UP);
	await boss.schedule(CATCH_UP, '* * * * *');
	await work(boss, CATCH_UP, async () => {
		await catchUpDueHouseholds();
	});
	await boss.createQueue(DEMO_SWEEP);
	await boss.schedule(DEMO_SWEEP, '17 * * * *');
	await work(boss, DEMO_SWEEP, async () => {
		const removed = await removeExpiredDemos();
		if (removed) log.info({ removed }, 'Demo houses past their day removed');
	});
	// Notifications: each minute a job that sends what is due every few seconds. Rows are claimed
	// one by one in the database, so jobs overlapping across instances never send a row twice.
	await boss.createQueue(DELIVER);
	await boss.schedule(DELIVER, '* * * * *');
	await work(boss, DELIVER, async () => {
		const until = Date.now() + DELIVERY_JOB_MS;
		while (boss && Date.now() < until) {
			const { sent, failed } = await deliverDue();
			if (failed) log.error({ failed }, 'Notifications could not be delivered (see notifications.last_error)');
			if (sent === 0) await new Promise((done) => setTimeout(done, DELIVERY_POLL_MS));
		}
	});
	// The instance backup (server/backup/schedule.ts): nightly at 03:30 UTC unless BACKUP_SCHEDULE says otherwise ('off': none).
	const backupSchedule = process.env.BACKUP_SCHEDULE ?? '30 3 * * *';
	if (backupSchedule !== 'off') {
		await boss.createQueue(BACKUP);
		await boss.schedule(BACKUP, backupSchedule);
		await work(boss, BACKUP, async () => {
			const { file, bytes } = await runScheduledBackup();
			log.info({ file, bytes }, 'Backup written');
		});
	}
	// The cron's first job comes at the next minute: start delivering now.
	await boss.send(DELIVER, {});
	for (const [task, run] of Object.entries(TASKS)) {
		await boss.createQueue(task);
		await work<{ email: string }>(
			boss,
			task,
			async (jobs) => {
				for (const job of jobs) await run(job.data);
			},
			{ pollingIntervalSeconds: 1 }
		);
	}
}

/**
 * pg-boss 10 records a job's end (Manager.complete and Manager.fail) without awaiting it:
 * when PostgreSQL goes away at that moment the rejection reaches no one, and Node would end
 * the whole server (pg-boss 11, which awaits, needs Node 22). Such a rejection is logged
 * and the server goes on; the job is not lost, pg-boss runs it again once it expires. Any
 * other unhandled rejection still ends the process, as Node's default does, but with a
 * JSON line first.
 */
let surviving = false;
function surviveUnrecordedJobEnds(): void {
	if (surviving) return;
	surviving = true;
	process.on('unhandledRejection', (reason) => {
		const error = asError(reason);
		if (/pg-boss[\\/]src[\\/]/.test(error.stack ?? '')) {
			log.error({ err: error }, 'Job runner: a job’s end could not be recorded (is PostgreSQL reachable?); it will run again');
			return;
		}
		log.fatal({ err: error }, 'Unhandled rejection: stopping');
		process.exit(1);
	});
}

/** A queue's worker whose runs are counted and timed (/metrics) and whose log lines name the job. */
async function work<T = object>(runner: PgBoss, queue: string, run: (jobs: PgBoss.Job<T>[]) => Promise<void>, options: PgBoss.WorkOptions = {}): Promise<void> {
	await runner.work<T>(queue, options, (jobs) => withLogContext({ job: queue, jobId: jobs[0]?.id }, () => countedJob(queue, () => run(jobs))));
}

export async function stopJobs(): Promise<void> {
	useQueue(undefined);
	// Cleared first, so the delivery loop ends at its next turn instead of running out its minute.
	const stopping = boss;
	boss = undefined;
	await stopping?.stop({ graceful: true });
}
