/**
 * One-off work a request hands over so that it answers at once and the same way whatever
 * the work finds (a reset request for an address with or without an account takes the
 * same time). Queued in Postgres when the job runner (jobs.ts) is up; otherwise run in
 * this process right after the answer. Apart from jobs.ts so that the modules that hand
 * work over do not import the runner, which imports them.
 */
import type PgBoss from 'pg-boss';
import { sendPasswordReset } from './auth/reset-mail';
import { log } from './observability/log';

export const TASKS = {
	'password-reset': (data: { email: string; locale?: string }) => sendPasswordReset(data.email, data.locale)
} as const;
type Task = keyof typeof TASKS;

let queue: PgBoss | undefined;

/** Set by the job runner as it starts and stops. */
export function useQueue(boss: PgBoss | undefined): void {
	queue = boss;
}

export async function runLater<T extends Task>(task: T, data: Parameters<(typeof TASKS)[T]>[0]): Promise<void> {
	if (queue) {
		await queue.send(task, data, { retryLimit: 3, retryDelay: 30 });
		return;
	}
	setImmediate(() => void TASKS[task](data).catch((error: Error) => log.error({ err: error, task }, `Task ${task} failed`)));
}
