/**
 * A shared thing's booking rules, checked before a booking is written: pure, so each
 * rule is tested alone (the database keeps the one rule it can: no two bookings overlap).
 */
import { TZDate } from '@date-fns/tz';
import type { Role } from '$lib/households/roles';
import type { ThingRules } from './model';

export interface BookingAttempt {
	startsAt: Date;
	endsAt: Date;
	now: Date;
	/** Whose booking it is. */
	member: { role: Role; active: boolean };
	/** Who is making it: the member themselves, or an adult booking for them. */
	bookedBy: { role: Role; isAdmin: boolean; self: boolean };
	/** Minutes this member already holds on this thing in the calendar month the booking starts in. */
	monthMinutesUsed: number;
}

export type RuleBreak =
	| { rule: 'ends_before_start' }
	| { rule: 'in_past' }
	| { rule: 'too_long'; maxMinutes: number }
	| { rule: 'too_far_ahead'; maxDays: number }
	| { rule: 'monthly_limit'; maxMinutes: number; usedMinutes: number }
	| { rule: 'role_may_not_book' }
	| { rule: 'child_needs_adult' }
	| { rule: 'only_adults_book_for_others' }
	| { rule: 'member_left' };

/** A booking may start a little in the past: "from now" typed a minute ago is still now. */
export const PAST_GRACE_MS = 15 * 60_000;
/** However generous a thing's rules: a year ahead at most (a longer one is a typo in the year). */
export const HARD_MAX_DAYS_AHEAD = 366;
export const HARD_MAX_MINUTES = 90 * 24 * 60;

/** How long before a booking whoever has it is reminded. */
export const BOOKING_REMINDER_MS = 2 * 60 * 60 * 1000;

export const minutesBetween = (from: Date, to: Date) => Math.ceil((to.getTime() - from.getTime()) / 60_000);

/** Every rule the attempt breaks, in the order a person would fix them (none: it may be booked). */
export function ruleBreaks(rules: ThingRules, attempt: BookingAttempt): RuleBreak[] {
	const breaks: RuleBreak[] = [];
	const { startsAt, endsAt, now, member, bookedBy } = attempt;
	if (!member.active) breaks.push({ rule: 'member_left' });
	if (!bookedBy.self && bookedBy.role !== 'adult') breaks.push({ rule: 'only_adults_book_for_others' });
	else if (member.role === 'child' && bookedBy.self) breaks.push({ rule: 'child_needs_adult' });
	if (!rules.bookableBy.includes(member.role)) breaks.push({ rule: 'role_may_not_book' });
	const minutes = minutesBetween(startsAt, endsAt);
	if (minutes <= 0) {
		breaks.push({ rule: 'ends_before_start' });
		return breaks;
	}
	if (startsAt.getTime() < now.getTime() - PAST_GRACE_MS) breaks.push({ rule: 'in_past' });
	const maxMinutes = Math.min(rules.maxBookingMinutes ?? HARD_MAX_MINUTES, HARD_MAX_MINUTES);
	if (minutes > maxMinutes) breaks.push({ rule: 'too_long', maxMinutes });
	const maxDays = Math.min(rules.maxDaysAhead ?? HARD_MAX_DAYS_AHEAD, HARD_MAX_DAYS_AHEAD);
	if (startsAt.getTime() > now.getTime() + maxDays * 86_400_000) breaks.push({ rule: 'too_far_ahead', maxDays });
	const monthly = rules.monthlyMinutesPerMember;
	if (monthly !== null && !bookedBy.isAdmin && attempt.monthMinutesUsed + minutes > monthly)
		breaks.push({ rule: 'monthly_limit', maxMinutes: monthly, usedMinutes: attempt.monthMinutesUsed });
	return breaks;
}

/** Whether an admin must say yes first. */
export const needsApproval = (rules: ThingRules, bookedBy: { isAdmin: boolean }) => rules.needsApproval && !bookedBy.isAdmin;

/** The calendar month (on the house's clock) an instant falls in, as the two instants that bound it. */
export function monthAround(instant: Date, timeZone: string): { from: Date; to: Date } {
	const local = new TZDate(instant, timeZone);
	const from = new TZDate(local.getFullYear(), local.getMonth(), 1, 0, 0, timeZone);
	const to = new TZDate(local.getFullYear(), local.getMonth() + 1, 1, 0, 0, timeZone);
	return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

/**
 * A booking repeated weekly `count` times: the same wall-clock times each week on the
 * house's clock (a Tuesday 18:00–21:00 stays so across a daylight-saving change).
 */
export function weeklyRepeats(startsAt: Date, endsAt: Date, count: number, timeZone: string): Array<{ startsAt: Date; endsAt: Date }> {
	const start = new TZDate(startsAt, timeZone);
	const end = new TZDate(endsAt, timeZone);
	return Array.from({ length: count }, (_, week) => ({
		startsAt: shiftDays(start, week * 7, timeZone),
		endsAt: shiftDays(end, week * 7, timeZone)
	}));
}

function shiftDays(local: TZDate, days: number, timeZone: string): Date {
	return new Date(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, local.getHours(), local.getMinutes(), timeZone).getTime());
}
