/**
 * Background sweeps on pg-boss: a Postgres-backed queue whose cron is coordinated in the
 * database, so with several app instances each sweep still runs once at a time.
 * Correctness never waits for it: pages catch up lazily too.
 */
import PgBoss from 'pg-boss';
import { runAllDueRecurring } from './money/recurring';
import { closeAllDueProposals } from './decisions/closing';

const RECURRING_SWEEP = 'recurring-expenses';
const PROPOSAL_SWEEP = 'close-proposals';
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
}

export async function stopJobs(): Promise<void> {
	await boss?.stop({ graceful: true });
	boss = undefined;
}
