/** How the instance's scheduled backups are going, as its admins see it (server/backup/schedule.ts makes it). */
export interface BackupStatus {
	/** The last run that finished. */
	last: { at: Date; bytes: number | null; error: string | null } | null;
	/** The last backup that succeeded. */
	lastGood: { at: Date; bytes: number } | null;
	/** The last run failed, or the last good backup is more than two days old. */
	warning: 'failed' | 'stale' | null;
}
