/**
 * What a shared thing's page shows: its week on the house's clock (from a day the reader
 * picks, today by default), the bookings still to come, and whom the reader may book for.
 */
import { parseDay, plusDays, todayIn, atLocalTime } from '$lib/dates';
import { timeline } from '$lib/commons/timeline';
import { listMembers } from '$lib/server/households/members';
import { fundNames } from '$lib/server/funds/history';
import type { MemberContext } from '$lib/server/households/context';
import { listBookings } from './bookings';
import { getThing } from './things';

export const WEEK_DAYS = 7;

export async function thingPage(context: MemberContext, thingId: string, from: string | null, now = new Date()) {
	const { household, member } = context;
	const today = todayIn(household.timezone, now);
	const firstDay = (from && parseDay(from)) || today;
	const thing = await getThing(household.id, thingId);
	const windowFrom = atLocalTime(firstDay, '00:00', household.timezone);
	const windowTo = atLocalTime(plusDays(firstDay, WEEK_DAYS), '00:00', household.timezone);
	const [week, upcoming, members, funds] = await Promise.all([
		listBookings(household.id, thingId, { from: windowFrom, to: windowTo }),
		listBookings(household.id, thingId, { from: now, to: new Date(now.getTime() + 366 * 86_400_000) }),
		listMembers(household.id),
		thing.cost?.paidToFundId ? fundNames(household.id) : ({} as Record<string, string>)
	]);
	const paidTo = thing.cost?.paidToFundId ? funds[thing.cost.paidToFundId] : members.find((m) => m.id === thing.cost?.paidToMemberId)?.displayName;
	const spans = week.map((b) => ({ ...b, startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) }));
	return {
		thing,
		today,
		firstDay,
		previousWeek: plusDays(firstDay, -WEEK_DAYS),
		nextWeek: plusDays(firstDay, WEEK_DAYS),
		days: timeline(spans, firstDay, WEEK_DAYS, household.timezone),
		upcoming: upcoming.slice(0, 30),
		members: members.filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName })),
		/** Who its cost is paid to: the owner's name, or the fund's. */
		paidTo: paidTo ?? '',
		// An adult may book for anyone still in the house (a child, a grandparent without a login); others for themselves.
		mayBookForOthers: member.role === 'adult'
	};
}
