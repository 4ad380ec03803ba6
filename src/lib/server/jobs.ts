/**
 * Background sweeps on pg-boss: a Postgres-backed queue whose cron is coordinated in the
 * database, so with several app instances each sweep still runs once at a time.
 * Correctness never waits for it: pages catch up lazily too.
 */
import PgBoss from 'pg-boss';
import { runAllDueRecurring } from './money/recurring';
import { closeAllDueProposals } from './decisions/closing';
import { sendPasswordReset } from './auth/accounts';
import { removeExpiredDemos } from './demo/visitor';

const RECURRING_SWEEP = 'recurring-expenses';
const PROPOSAL_SWEEP = 'close-proposals';
const DEMO_SWEEP = 'remove-expired-demos';
let boss: PgBoss | undefined;

export async function startJobs(connectionString: string): Promise<void> {
	if (boss || process.env.HEARTH_JOBS === '0') return;
	boss = new PgBoss({ connectionString, max: 2 });
	boss.on('error', (error) => console.error('Job runner:', error.message));
	await boss.start();
	await boss.createQueue(RECURRING_SWEEP);
	await boss.schedule(RECURRING_SWEEP, '*/10 * * * *');
	await boss.work(RECURRING_SWEEP, async () => {
		const created = await runAllDueRecurring();
		if (created) console.log(`Recurring expenses: created ${created}.`);
	});
	// Reads and votes close a due proposal anyway; the sweep runs its linked action without waiting for one.
	await boss.createQueue(PROPOSAL_SWEEP);
	await boss.schedule(PROPOSAL_SWEEP, '* * * * *');
	await boss.work(PROPOSAL_SWEEP, async () => {
		await closeAllDueProposals();
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
