/**
 * What a household's pages show, kept between requests and keyed by the household's data
 * version (household_versions, bumped by the database at the commit of any write to the
 * household's tables; the guard reads it with the membership, so checking costs nothing).
 * A write anywhere in the house makes every kept answer of the old version unreachable:
 * nothing is ever invalidated by hand, and several app instances stay right because the
 * version lives in PostgreSQL. The day in the household's time zone is part of every key,
 * as "today" changes what a page shows without any write.
 *
 * Kept answers are shared between requests: callers must not change them (in development
 * and tests they are frozen, so a change throws).
 */
import { getLocale } from '$lib/paraglide/runtime';
import { LRUCache } from 'lru-cache';
import { todayIn } from '$lib/dates';

/** The household as the guard hands it: with its data version when read by a request. */
export interface VersionedHousehold {
	id: string;
	timezone: string;
	/** Absent outside a request (jobs, scripts): then nothing is kept. */
	dataVersion?: number;
}

/** About 24 MB of answers (measured as their JSON length), and never more than 2 000 of them. */
const MAX_SIZE = 24 * 1024 * 1024;
const MAX_ENTRIES = 2_000;
const kept = new LRUCache<string, { value: unknown }>({
	max: MAX_ENTRIES,
	maxSize: MAX_SIZE,
	sizeCalculation: (entry) => Math.max(1, Math.min(MAX_SIZE, jsonLength(entry.value)))
});
/** Answers being computed: fifty requests for the same page that just went stale compute it once. */
const computing = new Map<string, Promise<unknown>>();
const freeze = process.env.NODE_ENV !== 'production';
const disabled = process.env.HEARTH_HOUSEHOLD_CACHE === 'off';

/**
 * The answer of `read` for this household, version and day and this `view` (a string that
 * names everything else the answer depends on: the page, the member, the query). `read`
 * must depend on nothing but the household's tables, the day and the view.
 */
export async function keptForHousehold<T>(household: VersionedHousehold, view: string, read: () => Promise<T>): Promise<T> {
	if (disabled || household.dataVersion === undefined) return read();
	// A page may hold words (a verdict, a reason): it is kept per language as well.
	const key = `${household.id}|${household.dataVersion}|${todayIn(household.timezone)}|${getLocale()}|${view}`;
	const hit = kept.get(key);
	if (hit) return hit.value as T;
	const running = computing.get(key);
	if (running) return running as Promise<T>;
	const computed = read().then(
		(value) => {
			computing.delete(key);
			if (isCurrent(household.id, household.dataVersion!, key)) kept.set(key, { value: freeze ? deepFreeze(value) : value });
			return value;
		},
		(error: unknown) => {
			computing.delete(key);
			throw error;
		}
	);
	computing.set(key, computed);
	return computed;
}

/**
 * The newest version seen of each household and the keys kept for it. Once a newer version
 * is seen, the older one's answers can never be asked for again: they go at once instead
 * of filling the cache until they are the least recently used.
 */
const newest = new LRUCache<string, { version: number; keys: Set<string> }>({ max: 10_000 });

function isCurrent(householdId: string, version: number, key: string): boolean {
	const seen = newest.get(householdId);
	if (seen && seen.version > version) return false;
	if (!seen || seen.version < version) {
		for (const old of seen?.keys ?? []) kept.delete(old);
		newest.set(householdId, { version, keys: new Set([key]) });
	} else {
		// Keys the cache has let go of since are forgotten here too, now and then, so this stays bounded.
		if (seen.keys.size >= MAX_ENTRIES) for (const known of seen.keys) if (!kept.has(known)) seen.keys.delete(known);
		seen.keys.add(key);
	}
	return true;
}

function jsonLength(value: unknown): number {
	if (typeof value === 'string') return value.length;
	if (ArrayBuffer.isView(value)) return value.byteLength;
	try {
		return JSON.stringify(value)?.length ?? 1;
	} catch {
		return MAX_SIZE;
	}
}

function deepFreeze<T>(value: T): T {
	// Bytes (a compressed feed) cannot be frozen; nothing changes them in place.
	if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
