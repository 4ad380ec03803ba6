import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { decideBooking } from '$lib/server/api/spec/commons';
import { requireAdmin } from '$lib/server/households/guard';
import * as bookings from '$lib/server/commons/bookings';

export const POST = endpoint(decideBooking, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await bookings.decideBooking(context, event.params.bid!, body.approve));
});
