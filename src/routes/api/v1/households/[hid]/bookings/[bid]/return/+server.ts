import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { returnBooking } from '$lib/server/api/spec/commons';
import { requireMember } from '$lib/server/households/guard';
import * as bookings from '$lib/server/commons/bookings';

export const POST = endpoint(returnBooking, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await bookings.returnThing(context, event.params.bid!, body));
});
