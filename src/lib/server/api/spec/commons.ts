import { z } from 'zod';
import { bookingSchema, thingSchema } from '$lib/commons/model';
import { bookingDecisionInput, bookingInput, bookingNoteInput, handOverInput, thingInput, thingPatch } from '$lib/server/commons/schemas';
import { defineOperation } from '../operation';
import { pick } from './common';

const tag = 'Commons';

export const listThings = defineOperation({
	method: 'GET',
	path: '/households/{hid}/things',
	summary: 'The house’s shared things (rooms, vehicles, tools, appliances) with their booking rules',
	tag,
	auth: true,
	responses: { 200: { description: 'Shared things, those in use first', schema: z.object({ items: z.array(thingSchema) }) }, ...pick(401, 404) }
});

export const createThing = defineOperation({
	method: 'POST',
	path: '/households/{hid}/things',
	summary: 'Add a shared thing (admins)',
	tag,
	auth: true,
	body: thingInput,
	responses: { 201: { description: 'The shared thing', schema: thingSchema }, ...pick(400, 401, 403, 404, 409) }
});

export const getThing = defineOperation({
	method: 'GET',
	path: '/households/{hid}/things/{sid}',
	summary: 'One shared thing',
	tag,
	auth: true,
	responses: { 200: { description: 'The shared thing', schema: thingSchema }, ...pick(401, 404) }
});

export const updateThing = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/things/{sid}',
	summary: 'Change a shared thing, its rules, or whether it is in use (admins); bookings made keep their times',
	tag,
	auth: true,
	body: thingPatch,
	responses: { 200: { description: 'The shared thing', schema: thingSchema }, ...pick(400, 401, 403, 404, 409) }
});

export const listBookings = defineOperation({
	method: 'GET',
	path: '/households/{hid}/things/{sid}/bookings',
	summary: 'Bookings of a thing that touch a window (from now for 30 days by default; at most 92 days); cancelled and declined ones on request',
	tag,
	auth: true,
	query: z.object({
		from: z.iso.datetime({ offset: true, error: 'An ISO 8601 instant with its offset.' }).optional(),
		to: z.iso.datetime({ offset: true, error: 'An ISO 8601 instant with its offset.' }).optional(),
		withCancelled: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional()
	}),
	responses: { 200: { description: 'Bookings in time order', schema: z.object({ items: z.array(bookingSchema) }) }, ...pick(400, 401, 404) }
});

const bookingResult = z
	.object({
		bookings: z.array(bookingSchema),
		skipped: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), takenBy: z.string() })).meta({ description: 'Weekly repeats someone else holds' })
	})
	.meta({ id: 'BookingResult' });

export const createBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/things/{sid}/bookings',
	summary: 'Book a thing (for yourself, or as an adult for another member); 409 names who has the time',
	tag,
	auth: true,
	body: bookingInput,
	responses: { 201: { description: 'What was booked, and the weeks left out', schema: bookingResult }, ...pick(400, 401, 404, 409, 422) }
});

const bookingAnswer = { 200: { description: 'The booking', schema: bookingSchema } };

export const cancelBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/bookings/{bid}/cancel',
	summary: 'Cancel a booking that has not ended (its member, who made it, or an admin)',
	tag,
	auth: true,
	responses: { ...bookingAnswer, ...pick(401, 403, 404, 409) }
});

export const decideBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/bookings/{bid}/decision',
	summary: 'Approve or decline a pending booking (admins)',
	tag,
	auth: true,
	body: bookingDecisionInput,
	responses: { ...bookingAnswer, ...pick(400, 401, 403, 404, 409) }
});

export const handOverBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/bookings/{bid}/hand-over',
	summary: 'Give a booking to another member the thing’s rules let book it',
	tag,
	auth: true,
	body: handOverInput,
	responses: { ...bookingAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});

export const checkOutBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/bookings/{bid}/check-out',
	summary: 'Note taking the thing out ("48 210 km")',
	tag,
	auth: true,
	body: bookingNoteInput,
	responses: { ...bookingAnswer, ...pick(400, 401, 403, 404, 409) }
});

export const returnBooking = defineOperation({
	method: 'POST',
	path: '/households/{hid}/bookings/{bid}/return',
	summary: 'Note bringing it back ("left the tank half full")',
	tag,
	auth: true,
	body: bookingNoteInput,
	responses: { ...bookingAnswer, ...pick(400, 401, 403, 404, 409) }
});
