/**
 * Background sweeps on pg-boss: a Postgres-backed queue whose cron is coordinated in the
 * database, so with several app instances each sweep still runs once at a time.
 * Correctness never waits for it: the guard runs a due household's catch-up step too.
 */
import PgBoss from 'pg-boss';
import { catchUpDueHouseholds } from './households/catch-up';
import { TASKS, useQueue } from './later';
import { removeExpiredDemos } from './demo/visitor';

const CATCH_UP = 'catch-up';
const DEMO_SWEEP = 'remove-expired-demos';
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
	for (const [task, run] of Object.entries(TASKS)) {
		await boss.createQueue(task);
		await boss.work<{ email: string }>(task, { pollingIntervalSeconds: 1 }, async (jobs) => {
			for (const job of jobs) await run(job.data);
		});
	}
}

export async function stopJobs(): Promise<void> {
	useQueue(undefined);
	await boss?.stop({ graceful: true });
	boss = undefined;
}
