/**
 * A shared thing's week as the thing page draws it: each day of the house's clock as a
 * track from midnight to midnight (23 or 25 hours on a daylight-saving day), with every
 * booking that touches it as a segment placed in percent of that day.
 */
import { atLocalTime, clockIn, plusDays } from '$lib/dates';

export interface Span {
	id: string;
	startsAt: Date;
	endsAt: Date;
}

export interface Segment<S extends Span> {
	booking: S;
	/** Percent of the day from its start, and of its length. */
	left: number;
	width: number;
	/** The booking goes on from the day before / into the next day. */
	fromBefore: boolean;
	intoAfter: boolean;
}

export interface TimelineDay<S extends Span> {
	day: string;
	segments: Segment<S>[];
}

/** `days` days from `firstDay` on the house's clock, each with the bookings that touch it, in order. */
export function timeline<S extends Span>(bookings: S[], firstDay: string, days: number, timeZone: string): TimelineDay<S>[] {
	const sorted = [...bookings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	return Array.from({ length: days }, (_, index) => {
		const day = plusDays(firstDay, index);
		const from = atLocalTime(day, '00:00', timeZone).getTime();
		const to = atLocalTime(plusDays(day, 1), '00:00', timeZone).getTime();
		const length = to - from;
		const segments = sorted
			.filter((b) => b.startsAt.getTime() < to && b.endsAt.getTime() > from)
			.map((booking) => {
				const start = Math.max(booking.startsAt.getTime(), from);
				const end = Math.min(booking.endsAt.getTime(), to);
				return {
					booking,
					left: ((start - from) / length) * 100,
					width: ((end - start) / length) * 100,
					fromBefore: booking.startsAt.getTime() < from,
					intoAfter: booking.endsAt.getTime() > to
				};
			});
		return { day, segments };
	});
}

/** A booking on one day of a calendar: its times that day (null: it goes on from the day before / into the next). */
export interface DayBooking {
	id: string;
	thingId: string;
	thing: string;
	memberName: string;
	from: string | null;
	until: string | null;
	pending: boolean;
}

/** Bookings by the days they touch, for the chore calendar's agenda and week. */
export function bookingsByDay<S extends Span & { thingId: string; thing: string; memberName: string; status: string }>(
	bookings: S[],
	firstDay: string,
	days: number,
	timeZone: string
): Record<string, DayBooking[]> {
	const byDay: Record<string, DayBooking[]> = {};
	for (const { day, segments } of timeline(bookings, firstDay, days, timeZone)) {
		if (segments.length === 0) continue;
		byDay[day] = segments.map(({ booking, fromBefore, intoAfter }) => ({
			id: booking.id,
			thingId: booking.thingId,
			thing: booking.thing,
			memberName: booking.memberName,
			from: fromBefore ? null : clockIn(timeZone, booking.startsAt),
			until: intoAfter ? null : clockIn(timeZone, booking.endsAt),
			pending: booking.status === 'pending'
		}));
	}
	return byDay;
}
