/**
 * Which scheduled backups to keep (BACKUP_KEEP, e.g. "7d,4w,6m"): the newest backup of each
 * of the last 7 days that have one, of each of the last 4 weeks and of each of the last 6
 * months (UTC days, ISO weeks from Monday, calendar months), as restic and borg keep them.
 * The newest backup is always kept. Pure: the job removes what this leaves out.
 */

export interface Keep {
	days: number;
	weeks: number;
	months: number;
}

export const DEFAULT_KEEP: Keep = { days: 7, weeks: 4, months: 6 };

/** "7d,4w,6m" (any order, any part left out counts 0); throws with the reason on anything else. */
export function parseKeep(text: string): Keep {
	const keep: Keep = { days: 0, weeks: 0, months: 0 };
	const unit = { d: 'days', w: 'weeks', m: 'months' } as const;
	for (const part of text
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean)) {
		const match = /^(\d{1,4})([dwm])$/.exec(part);
		if (!match) throw new Error(`BACKUP_KEEP: "${part}" is not a count and d, w or m (as in 7d,4w,6m).`);
		keep[unit[match[2] as keyof typeof unit]] = Number(match[1]);
	}
	return keep;
}

const DAY_MS = 86_400_000;

function dayOf(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

function weekOf(time: number): string {
	// The Monday that starts the ISO week (UTC).
	const weekday = (new Date(time).getUTCDay() + 6) % 7;
	return dayOf(time - weekday * DAY_MS);
}

function monthOf(time: number): string {
	return new Date(time).toISOString().slice(0, 7);
}

/** The indexes of `times` to keep. */
export function backupsToKeep(times: readonly Date[], keep: Keep): Set<number> {
	const newestFirst = times.map((time, index) => ({ time: time.getTime(), index })).sort((a, b) => b.time - a.time || a.index - b.index);
	const kept = new Set<number>();
	if (newestFirst.length) kept.add(newestFirst[0]!.index);
	for (const [count, bucketOf] of [
		[keep.days, dayOf],
		[keep.weeks, weekOf],
		[keep.months, monthOf]
	] as const) {
		const seen = new Set<string>();
		for (const { time, index } of newestFirst) {
			if (seen.size >= count) break;
			const bucket = bucketOf(time);
			if (seen.has(bucket)) continue;
			seen.add(bucket);
			kept.add(index);
		}
	}
	return kept;
}
