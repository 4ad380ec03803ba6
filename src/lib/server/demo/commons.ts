/**
 * The demo household's shared things: the guest room (an hour kept free after a stay to
 * clean it) and the car (half a day at most, 20 hours a month each), with bookings ahead —
 * Daniel's errand tomorrow, Grandma Rosa's Thursday appointments (booked by Priya for her)
 * and a friend's visit in the guest room.
 */
import { atLocalTime, dayNumber, plusDays, todayIn } from '$lib/dates';
import type { MemberContext } from '$lib/server/households/context';
import { actingAs } from './context';
import { createThing } from '$lib/server/commons/things';
import { book } from '$lib/server/commons/bookings';
import { DEFAULT_THING_RULES } from '$lib/commons/model';

export async function seedDemoCommons(admin: MemberContext, ids: Map<string, string>): Promise<void> {
	const { household } = admin;
	const contextOf = (name: string) => actingAs(admin, ids.get(name)!);
	const rules = { ...DEFAULT_THING_RULES, bookableBy: [...DEFAULT_THING_RULES.bookableBy] };
	const guestRoom = await createThing(admin, {
		name: 'Guest room',
		kind: 'room',
		description: 'Fold-out bed for two; sheets are in the hall cupboard.',
		cost: null,
		rules: { ...rules, bookableBy: ['adult'], maxDaysAhead: 120, bufferMinutes: 60 }
	});
	const car = await createThing(admin, {
		name: 'The car',
		kind: 'vehicle',
		description: 'Daniel’s blue estate, shared. Note the km when you take it and bring it back: 20 cents a km go to Daniel.',
		cost: { amountMinor: 20, unit: 'km', paidToMemberId: ids.get('Daniel')! },
		rules: { ...rules, maxBookingMinutes: 12 * 60, maxDaysAhead: 60, monthlyMinutesPerMember: 20 * 60, bufferMinutes: 30 }
	});
	const today = todayIn(household.timezone);
	const at = (days: number, time: string) => atLocalTime(plusDays(today, days), time, household.timezone).toISOString();
	await book(await contextOf('Daniel'), car.id, {
		startsAt: at(1, '09:00'),
		endsAt: at(1, '13:00'),
		note: 'Big shop and the recycling centre',
		repeatWeeks: 1
	});
	// Thursdays, from the first after today (1970-01-01, day number 0, was a Thursday).
	const thursday = [1, 2, 3, 4, 5, 6, 7].find((days) => dayNumber(plusDays(today, days)) % 7 === 0)!;
	await book(admin, car.id, {
		startsAt: at(thursday, '15:00'),
		endsAt: at(thursday, '17:00'),
		memberId: ids.get('Grandma Rosa')!,
		note: 'Physiotherapy',
		repeatWeeks: 4
	});
	await book(admin, guestRoom.id, { startsAt: at(12, '15:00'), endsAt: at(15, '11:00'), note: 'Anjali visiting', repeatWeeks: 1 });
}
