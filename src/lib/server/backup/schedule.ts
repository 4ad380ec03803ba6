/**
 * The scheduled backup (a pg-boss job, nightly by default: jobs.ts): the instance to a new
 * file in BACKUP_DIR, each run recorded in instance_backups, then older files removed as
 * BACKUP_KEEP says (retention.ts). Instance admins see the last run on their dashboard, and
 * a warning when it failed or is more than two days old.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getDb } from '$lib/server/db';
import { backupsToKeep, DEFAULT_KEEP, parseKeep, type Keep } from '$lib/backup/retention';
import type { BackupStatus } from '$lib/backup/status';
import { writeBackup } from './backup';
import { backupFileName } from './format';

export const backupFolder = () => resolve(process.env.BACKUP_DIR ?? '.data/backups');
const keepRule = (): Keep => (process.env.BACKUP_KEEP ? parseKeep(process.env.BACKUP_KEEP) : DEFAULT_KEEP);

/** A backup now, recorded; a failure is recorded with its reason and thrown (the job runner logs it). */
export async function runScheduledBackup(now = new Date(), folder = backupFolder()): Promise<{ file: string; bytes: number }> {
	const db = getDb();
	const { id } = await db.insertInto('instanceBackups').values({ startedAt: now }).returning('id').executeTakeFirstOrThrow();
	try {
		await mkdir(folder, { recursive: true });
		const summary = await writeBackup(process.env.DATABASE_URL!, join(folder, backupFileName(now)));
		await db.updateTable('instanceBackups').set({ finishedAt: new Date(), file: summary.file, bytes: summary.bytes }).where('id', '=', id).execute();
		await pruneBackups(folder, keepRule());
		return { file: summary.file, bytes: summary.bytes };
	} catch (error) {
		await db
			.updateTable('instanceBackups')
			.set({ finishedAt: new Date(), error: (error as Error).message.slice(0, 500) })
			.where('id', '=', id)
			.execute();
		throw error;
	}
}

const BACKUP_NAME = /^hearth-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.backup\.gz$/;

/** Removes the backups of `folder` the rule does not keep (only files named as the job names them). Returns their names. */
export async function pruneBackups(folder: string, keep: Keep): Promise<string[]> {
	const files = (await readdir(folder)).flatMap((name) => {
		const match = BACKUP_NAME.exec(name);
		return match ? [{ name, at: new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) }] : [];
	});
	const kept = backupsToKeep(
		files.map((f) => f.at),
		keep
	);
	const removed = files.filter((_, i) => !kept.has(i)).map((f) => f.name);
	for (const name of removed) await rm(join(folder, name), { force: true });
	return removed;
}

const STALE_MS = 2 * 86_400_000;

export async function backupStatus(now = new Date()): Promise<BackupStatus> {
	const db = getDb();
	const last = await db
		.selectFrom('instanceBackups')
		.select(['finishedAt', 'bytes', 'error'])
		.where('finishedAt', 'is not', null)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const good = await db
		.selectFrom('instanceBackups')
		.select(['finishedAt', 'bytes'])
		.where('finishedAt', 'is not', null)
		.where('error', 'is', null)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const lastGood = good ? { at: good.finishedAt!, bytes: Number(good.bytes ?? 0) } : null;
	const warning = last?.error ? 'failed' : lastGood && now.getTime() - lastGood.at.getTime() > STALE_MS ? 'stale' : null;
	return { last: last ? { at: last.finishedAt!, bytes: last.bytes === null ? null : Number(last.bytes), error: last.error } : null, lastGood, warning };
}
