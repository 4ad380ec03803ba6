import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { MemberContext } from '$lib/server/households/context';
import { getLocale } from '$lib/paraglide/runtime';
import { requestFormatLocale } from '$lib/server/i18n';
import { activitySentence, storedSentence, type ActivityFacts } from './sentences';

export interface ActivityEntry {
	householdId: string;
	actorMemberId: string | null;
	/** Verb in the past tense, dotted by domain: `member.added`, `invite.accepted`. */
	action: string;
	subjectType: string;
	subjectId: string | null;
	/**
	 * What happened, as facts for the feed's sentence (sentences.ts): names as they were
	 * then (they can change later), amounts in minor units, days as YYYY-MM-DD. Each reader
	 * reads the sentence in their own language; the English one is stored as `summary`.
	 */
	facts: ActivityFacts;
	/** Before/after values for edits, anything else worth keeping. */
	details?: Record<string, unknown>;
}

/** Appends to the household's log; call it inside the transaction that makes the change. */
export async function logActivity(db: Kysely<Database>, entry: ActivityEntry): Promise<void> {
	const { facts, details, ...rest } = entry;
	await db
		.insertInto('activity')
		.values({ ...rest, summary: storedSentence(entry.action, facts) ?? entry.action, facts: JSON.stringify(facts), details: JSON.stringify(details ?? {}) })
		.execute();
}

/**
 * Appends what the acting member did: who and in which household come from the guard's
 * context, so an entry cannot name another house or another actor by mistake.
 */
export async function audit(
	db: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	entry: Omit<ActivityEntry, 'householdId' | 'actorMemberId'>
): Promise<void> {
	await logActivity(db, { householdId: context.household.id, actorMemberId: context.member.id, ...entry });
}

export interface ActivityItem {
	id: string;
	action: string;
	summary: string;
	actorName: string | null;
	subjectType: string;
	subjectId: string | null;
	details: Record<string, unknown>;
	createdAt: Date;
}

export interface ActivityQuery {
	limit?: number;
	/** The id of the last item already shown (keyset paging). */
	before?: string;
	/** Only entries newer than this id. */
	after?: number;
	/** Leave out what this member did. */
	notBy?: string;
	subjectType?: string;
	subjectId?: string;
}

/** Newest first. */
export async function listActivity(householdId: string, options: ActivityQuery = {}): Promise<ActivityItem[]> {
	let query = getDb()
		.selectFrom('activity')
		.leftJoin('members', (join) => join.onRef('members.householdId', '=', 'activity.householdId').onRef('members.id', '=', 'activity.actorMemberId'))
		.select([
			'activity.id',
			'activity.action',
			'activity.summary',
			'activity.facts',
			'activity.subjectType',
			'activity.subjectId',
			'activity.details',
			'activity.createdAt'
		])
		.select('members.displayName as actorName')
		.where('activity.householdId', '=', householdId);
	// An id is a bigint; anything else (or past what a bigint holds) is no position at all, not a database error.
	if (options.before && /^\d{1,15}$/.test(options.before)) query = query.where('activity.id', '<', Number(options.before));
	if (options.after !== undefined) query = query.where('activity.id', '>', options.after);
	if (options.notBy) query = query.where((eb) => eb.or([eb('activity.actorMemberId', 'is', null), eb('activity.actorMemberId', '<>', options.notBy!)]));
	if (options.subjectType) query = query.where('activity.subjectType', '=', options.subjectType);
	if (options.subjectId) query = query.where('activity.subjectId', '=', options.subjectId);
	const rows = await query
		.orderBy('activity.id', 'desc')
		.limit(options.limit ?? 20)
		.execute();
	// Told in the reader's language; an entry from before facts were kept reads as it was written.
	const telling = { locale: getLocale(), formatLocale: requestFormatLocale() };
	return rows.map(({ facts, ...row }) => ({ ...row, id: String(row.id), summary: activitySentence(row.action, facts, telling) ?? row.summary }));
}
