import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createBooking, listBookings } from '$lib/server/api/spec/commons';
import { requireMember } from '$lib/server/households/guard';
import * as bookings from '$lib/server/commons/bookings';

export const GET = endpoint(listBookings, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	const items = await bookings.bookingsOfThing(household.id, event.params.sid!, {
		from: query.from ? new Date(query.from) : undefined,
		to: query.to ? new Date(query.to) : undefined,
		withCancelled: query.withCancelled === 'true'
	});
	return json({ items });
});

export const POST = endpoint(createBooking, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await bookings.book(context, event.params.sid!, body), { status: 201 });
});
