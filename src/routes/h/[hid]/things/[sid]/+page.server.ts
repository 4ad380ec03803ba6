import { z } from 'zod';
import { formAction, orErrorPage } from '$lib/server/forms';
import { fromForm } from '$lib/server/validation';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { thingPage } from '$lib/server/commons/thing-page';
import { book, cancelBooking, checkOut, decideBooking, handOver, returnThing } from '$lib/server/commons/bookings';
import { bookingForm } from '$lib/server/commons/forms';
import { bookingNoteInput, handOverInput } from '$lib/server/commons/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const context = await requireMember(params.hid);
	return orErrorPage(thingPage(context, params.sid, url.searchParams.get('from')));
};

const bookingId = z.object({ bookingId: z.string().max(60) });
/** Taking out and bringing back: a note, and the km reading of a vehicle. */
const noteForm = fromForm(bookingId.extend(bookingNoteInput.shape));

export const actions: Actions = {
	book: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'book', bookingForm(context.household.timezone), (input) => book(context, params.sid, input));
	},
	cancel: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'cancel', bookingId, ({ bookingId }) => cancelBooking(context, bookingId));
	},
	approve: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'decide', bookingId, ({ bookingId }) => decideBooking(context, bookingId, true));
	},
	decline: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'decide', bookingId, ({ bookingId }) => decideBooking(context, bookingId, false));
	},
	handOver: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'handOver', bookingId.extend(handOverInput.shape), ({ bookingId, memberId }) => handOver(context, bookingId, memberId));
	},
	checkOut: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'checkOut', noteForm, ({ bookingId, ...note }) => checkOut(context, bookingId, note));
	},
	return: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'return', noteForm, ({ bookingId, ...note }) => returnThing(context, bookingId, note));
	}
};
