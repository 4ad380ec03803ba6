import { resolve } from '$app/paths';
/**
 * The one authorization guard. Every protected load, form action and endpoint calls it
 * first: a layout load does not protect the actions and endpoints below it.
 */
import { catchUpIfDue } from './catch-up';
import { getRequestEvent } from '$app/server';
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from './context';
import { m } from '$lib/paraglide/messages';

/**
 * The logged-in user, or off to log in and back. The API's `endpoint()` answers 401 before
 * its handler runs (and turns this redirect into 401 too), so the guard knows no protocol.
 */
export function requireUser(): SessionUser {
	const event = getRequestEvent();
	const user = event.locals.user;
	if (user) return user;
	const next = event.url.pathname + event.url.search;
	redirect(303, resolve(`/login?next=${encodeURIComponent(next)}`));
}

/** The caller's active membership of householdId. A non-member gets 404, as if it did not exist. */
export async function requireMember(householdId: string): Promise<MemberContext> {
	const user = requireUser();
	if (!isUuid(householdId)) notAMember();
	const event = getRequestEvent();
	// A read's layout and page loads, or an endpoint's wrapper and handler, ask the same
	// question: a GET changes nothing, so it asks the database once. A write asks each
	// time, as it may have just changed the membership (a form action before its page loads).
	if (!READS.has(event.request.method)) return findMembership(user, householdId);
	const asked = askedThisRequest.get(event.locals) ?? new Map<string, Promise<MemberContext>>();
	askedThisRequest.set(event.locals, asked);
	const answer = asked.get(householdId) ?? findMembership(user, householdId);
	asked.set(householdId, answer);
	return answer;
}

const READS = new Set(['GET', 'HEAD']);
const askedThisRequest = new WeakMap<App.Locals, Map<string, Promise<MemberContext>>>();

async function findMembership(user: SessionUser, householdId: string): Promise<MemberContext> {
	const row = await getDb()
		.selectFrom('members')
		.innerJoin('households', 'households.id', 'members.householdId')
		.leftJoin('householdCatchUp', 'householdCatchUp.householdId', 'members.householdId')
		.leftJoin('householdVersions', 'householdVersions.householdId', 'members.householdId')
		.selectAll('members')
		.select([
			'households.name as householdName',
			'households.currency',
			'households.timezone',
			'households.locale as householdLocale',
			'households.createdAt as householdCreatedAt',
			'households.version as householdVersion',
			'households.demoExpiresAt',
			'householdCatchUp.dueAt as catchUpDueAt',
			// What the household cache keys its pages by (household-cache.ts).
			'householdVersions.version as dataVersion'
		])
		.where('members.householdId', '=', householdId)
		.where('members.userId', '=', user.id)
		.where('members.active', '=', true)
		.executeTakeFirst();
	if (!row) notAMember();
	const { householdName, currency, timezone, householdLocale, householdCreatedAt, householdVersion, demoExpiresAt, catchUpDueAt, dataVersion, ...member } = row;
	// Due background work first (once, by one request), so every read after it only reads.
	await catchUpIfDue({ id: householdId, timezone }, catchUpDueAt);
	return {
		user,
		member,
		household: {
			id: householdId,
			name: householdName,
			currency,
			timezone,
			locale: householdLocale,
			createdAt: householdCreatedAt,
			version: householdVersion,
			demoExpiresAt,
			dataVersion: dataVersion ?? undefined
		}
	};
}

// SvelteKit's own HTTP error, so pages, form actions and the JSON API all answer with it.
function notAMember(): never {
	error(404, { message: m.e_household_missing(), code: 'not_found' });
}

export async function requireAdmin(householdId: string): Promise<MemberContext> {
	const context = await requireMember(householdId);
	if (!context.member.isAdmin) error(403, { message: m.e_admin_only(), code: 'forbidden' });
	return context;
}
