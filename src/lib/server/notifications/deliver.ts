/**
 * The delivery job: sends what the outbox holds once it is due. Each row is claimed by
 * one worker in one statement (FOR UPDATE SKIP LOCKED, status → sending, with a lease), so
 * two workers, instances or restarts never send a row twice; a worker that dies mid-way
 * leaves its rows to be claimed again when the lease runs out. A temporary failure
 * (the mail server down, a push service's 5xx) is retried with growing waits; after
 * MAX_ATTEMPTS the row is failed. Digest rows are gathered into one email per person.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { sendMail } from '$lib/server/mail';
import { mailOrigin } from '$lib/server/origin';
import { baseLocale, formattingLocale, type Locale } from '$lib/i18n/locales';
import { KIND_GROUPS, type Channel, type NotificationKind } from '$lib/notifications/model';
import { notificationEmail, type EmailItem, type EmailTo } from './email';
import { notificationTitle } from './titles';
import { pushToUser } from './push';

export const MAX_ATTEMPTS = 6;
const LEASE = '10 minutes';
/** 30 s, 2 min, 8 min, 32 min, 2 h 8 min. */
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 4 ** (attempts - 1), 6 * 3600_000);

interface Claimed {
	householdId: string;
	id: string;
	memberId: string;
	channel: Channel;
	attempts: number;
	inDigest: boolean;
	kind: NotificationKind;
	facts: Record<string, unknown>;
	path: string;
	eventId: string;
	householdName: string;
	timezone: string;
	householdLocale: Locale;
	userId: string | null;
	address: string | null;
	locale: Locale | null;
	forName: string | null;
}

export interface DeliveryCount {
	sent: number;
	retried: number;
	failed: number;
}

/** Claims and sends one batch of due rows (each at most once); returns what happened. */
export async function deliverDue(now = new Date(), limit = 100): Promise<DeliveryCount> {
	const count: DeliveryCount = { sent: 0, retried: 0, failed: 0 };
	const single = await claim(now, limit, false);
	for (const row of single) await settle([row], await sendOne(row), now, count);
	const digests = await claim(now, limit * 10, true);
	const byPerson = new Map<string, Batch>();
	for (const row of digests) {
		const key = `${row.householdId}:${row.memberId}`;
		const batch = byPerson.get(key);
		if (batch) batch.push(row);
		else byPerson.set(key, [row]);
	}
	for (const rows of byPerson.values()) await settle(rows, await sendDigest(rows), now, count);
	return count;
}

async function claim(now: Date, limit: number, digest: boolean): Promise<Claimed[]> {
	const waiting = digest ? sql`status = 'digest' and in_digest` : sql`status = 'pending' and not in_digest`;
	const result = await sql<Claimed>`
		with due as (
			select household_id, id from notifications
			where channel <> 'app' and deliver_after <= ${now}
			and ((${waiting}) or (status = 'sending' and claimed_until < ${now} and in_digest = ${digest}))
			order by household_id, member_id, deliver_after limit ${limit}
			for update skip locked
		), claimed as (
			update notifications n set status = 'sending', claimed_until = ${now}::timestamptz + ${LEASE}::interval, attempts = n.attempts + 1
			from due where n.household_id = due.household_id and n.id = due.id
			returning n.household_id, n.id, n.member_id, n.channel, n.attempts, n.in_digest, n.event_id, n.on_behalf_of
		)
		select c.household_id, c.id, c.member_id, c.channel, c.attempts, c.in_digest, c.event_id, e.kind, e.facts, e.path,
			h.name as household_name, h.timezone, h.locale as household_locale, mb.user_id,
			coalesce(u.email, mb.reminder_email) as address, coalesce(u.locale, mb.locale) as locale, child.display_name as for_name
		from claimed c
		join notification_events e on e.household_id = c.household_id and e.id = c.event_id
		join households h on h.id = c.household_id
		join members mb on mb.household_id = c.household_id and mb.id = c.member_id
		left join users u on u.id = mb.user_id
		left join members child on child.household_id = c.household_id and child.id = c.on_behalf_of
		order by c.household_id, c.member_id, e.created_at`.execute(getDb());
	return result.rows;
}

/** Rows sent as one: a single notification, or one person's digest. */
type Batch = [Claimed, ...Claimed[]];

type Outcome = 'sent' | { failed: string } | { retry: string };

const localeOf = (row: Claimed): Locale => row.locale ?? row.householdLocale ?? baseLocale;
const titleOf = (row: Claimed) => {
	const locale = localeOf(row);
	return notificationTitle(
		{ kind: row.kind, facts: row.facts, memberId: row.memberId, forName: row.forName, timezone: row.timezone },
		{ locale, formatLocale: formattingLocale(locale) }
	);
};

async function sendOne(row: Claimed): Promise<Outcome> {
	try {
		if (row.channel === 'push') {
			if (!row.userId) return { failed: 'no account to push to' };
			const result = await pushToUser(row.userId, { title: titleOf(row), path: row.path, tag: row.eventId });
			if (result === 'sent') return 'sent';
			if (result === 'none' || result === 'gone') return { failed: 'no device takes push any more' };
			return result;
		}
		return await email([row]);
	} catch (error) {
		return { retry: (error as Error).message };
	}
}

async function sendDigest(rows: Batch): Promise<Outcome> {
	try {
		return await email(rows);
	} catch (error) {
		return { retry: (error as Error).message };
	}
}

async function email(rows: Batch): Promise<Outcome> {
	const [first] = rows;
	if (!first.address) return { failed: 'no email address' };
	const origin = mailOrigin();
	// Links come from ORIGIN only: without it, wait for the operator to set it.
	if (!origin) return { retry: 'ORIGIN is not set: notification emails wait for it' };
	const to: EmailTo = {
		address: first.address,
		householdId: first.householdId,
		householdName: first.householdName,
		memberId: first.memberId,
		hasLogin: Boolean(first.userId),
		locale: localeOf(first)
	};
	const item = (row: Claimed) => ({ title: titleOf(row), path: row.userId ? row.path : null });
	const items: [EmailItem, ...EmailItem[]] = [item(first), ...rows.slice(1).map(item)];
	const scope = first.inDigest ? 'all' : KIND_GROUPS[first.kind];
	const host = new URL(origin).hostname;
	const mail = await notificationEmail(origin, to, items, { householdId: first.householdId, memberId: first.memberId, scope }, `<${first.id}@${host}>`);
	await sendMail(mail);
	return 'sent';
}

/** Records what happened to a claimed row (only while it is still this worker's claim). */
async function settle(rows: Batch, outcome: Outcome, now: Date, count: DeliveryCount): Promise<void> {
	const ids = rows.map((r) => r.id);
	const db = getDb();
	const mine = db.updateTable('notifications').where('householdId', '=', rows[0].householdId).where('id', 'in', ids).where('status', '=', 'sending');
	if (outcome === 'sent') {
		await mine.set({ status: 'sent', sentAt: now, claimedUntil: null, lastError: null }).execute();
		count.sent += rows.length;
		return;
	}
	const attempts = Math.max(...rows.map((r) => r.attempts));
	if ('failed' in outcome || attempts >= MAX_ATTEMPTS) {
		const error = 'failed' in outcome ? outcome.failed : outcome.retry;
		await mine.set({ status: 'failed', claimedUntil: null, lastError: error.slice(0, 500) }).execute();
		count.failed += rows.length;
		return;
	}
	const back = rows[0].inDigest ? 'digest' : 'pending';
	await mine
		.set({ status: back, claimedUntil: null, lastError: outcome.retry.slice(0, 500), deliverAfter: new Date(now.getTime() + retryDelayMs(attempts)) })
		.execute();
	count.retried += rows.length;
}
