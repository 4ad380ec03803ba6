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
	boss = new PgBoss({ connectionString, max: 2 });
	useQueue(boss);
	boss.on('error', (error) => console.error('Job runner:', error.message));
	await boss.start();
	// Every household whose work is due: recurring expenses, closing proposals (and their
	// linked expenses), the chore calendar's past. A request to a due household does it too.
	await boss.createQueue(CATCH_UP);
	await boss.schedule(CATCH_UP, '* * * * *');
	await boss.work(CATCH_UP, async () => {
		await catchUpDueHouseholds();
	});
	await boss.createQueue(DEMO_SWEEP);
	await boss.schedule(DEMO_SWEEP, '17 * * * *');
	await boss.work(DEMO_SWEEP, async () => {
		const removed = await removeExpiredDemos();
		if (removed) console.log(`Demo houses: removed ${removed} past their day.`);
	});
	// Notifications: each minute a job that sends what is due every few seconds. Rows are claimed
	// one by one in the database, so jobs overlapping across instances never send a row twice.
	await boss.createQueue(DELIVER);
	await boss.schedule(DELIVER, '* * * * *');
	await boss.work(DELIVER, async () => {
		const until = Date.now() + DELIVERY_JOB_MS;
		while (boss && Date.now() < until) {
			const { sent, failed } = await deliverDue();
			if (failed) console.error(`Notifications: ${failed} could not be delivered (see notifications.last_error).`);
			if (sent === 0) await new Promise((done) => setTimeout(done, DELIVERY_POLL_MS));
		}
	});
	// The instance backup (server/backup/schedule.ts): nightly at 03:30 UTC unless BACKUP_SCHEDULE says otherwise ('off': none).
	const backupSchedule = process.env.BACKUP_SCHEDULE ?? '30 3 * * *';
	if (backupSchedule !== 'off') {
		await boss.createQueue(BACKUP);
		await boss.schedule(BACKUP, backupSchedule);
		await boss.work(BACKUP, async () => {
			const { file, bytes } = await runScheduledBackup();
			console.log(`Backup: ${file} (${bytes} bytes).`);
		});
	}
	// The cron's first job comes at the next minute: start delivering now.
	await boss.send(DELIVER, {});
	for (const [task, run] of Object.entries(TASKS)) {
		await boss.createQueue(task);
		await boss.work<{ email: string }>(task, { pollingIntervalSeconds: 1 }, async (jobs) => {
			for (const job of jobs) await run(job.data);
		});
	}
}

export async function stopJobs(): Promise<void> {
	useQueue(undefined);
	// Cleared first, so the delivery loop ends at its next turn instead of running out its minute.
	const stopping = boss;
	boss = undefined;
	await stopping?.stop({ graceful: true });
}
