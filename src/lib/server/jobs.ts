/**
 * Background sweeps on pg-boss: a Postgres-backed queue whose cron is coordinated in the
 * database, so with several app instances each sweep still runs once at a time.
 * Correctness never waits for it: the guard runs a due household's catch-up step too.
 */
import PgBoss from 'pg-boss';
import { catchUpDueHouseholds } from './households/catch-up';
import { sendPasswordReset } from './auth/accounts';
import { removeExpiredDemos } from './demo/visitor';

const CATCH_UP = 'catch-up';
const DEMO_SWEEP = 'remove-expired-demos';
let boss: PgBoss | undefined;

export async function startJobs(connectionString: string): Promise<void> {
	if (boss || process.env.HEARTH_JOBS === '0') return;
	boss = new PgBoss({ connectionString, max: 2 });
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

/**
 * One-off work a request hands over so that it answers at once and the same way whatever
 * the work finds (a reset request for an address with or without an account takes the
 * same time). Queued in Postgres when the job runner is up; otherwise run in this process
 * right after the answer.
 */
const TASKS = {
	'password-reset': (data: { email: string }) => sendPasswordReset(data.email)
} as const;
type Task = keyof typeof TASKS;

export async function runLater<T extends Task>(task: T, data: Parameters<(typeof TASKS)[T]>[0]): Promise<void> {
	if (boss) {
		await boss.send(task, data, { retryLimit: 3, retryDelay: 30 });
		return;
	}
	setImmediate(() => void TASKS[task](data).catch((error: Error) => console.error(`Task ${task} failed:`, error.message)));
}

export async function stopJobs(): Promise<void> {
	await boss?.stop({ graceful: true });
	boss = undefined;
}
