import { z } from 'zod';
import { calendarQuery, choreInput, chorePatch } from '$lib/server/chores/schemas';
import { calendarDate } from '$lib/server/validation';
import { choreSchema, occurrenceSchema } from '$lib/chores/model';
import { defineOperation } from '../operation';
import { idField, pick } from './common';

const tag = 'Chores';

/** A chore and an occurrence as every endpoint answers them: the domain's own models. */
export const choreBody = choreSchema;
export const occurrenceBody = occurrenceSchema;

export const createChore = defineOperation({
	method: 'POST',
	path: '/households/{hid}/chores',
	summary: 'Add a chore',
	tag,
	auth: true,
	body: choreInput,
	responses: { 201: { description: 'The chore', schema: choreBody }, ...pick(400, 401, 404, 422) }
});

export const listChores = defineOperation({
	method: 'GET',
	path: '/households/{hid}/chores',
	summary: 'The household’s chores',
	tag,
	auth: true,
	responses: { 200: { description: 'The chores', schema: z.object({ items: z.array(choreBody), nextCursor: z.null() }) }, ...pick(401, 404) }
});

export const updateChore = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/chores/{cid}',
	summary:
		'Change a chore; send the `version` you edited (409 if someone changed it since). Occurrences before today (and every one acted on) stay as they were',
	tag,
	auth: true,
	body: chorePatch,
	responses: { 200: { description: 'The chore', schema: choreBody }, ...pick(400, 401, 404, 409, 422) }
});

export const choreCalendar = defineOperation({
	method: 'GET',
	path: '/households/{hid}/chore-calendar',
	summary: 'Occurrences from `from` to `to` (at most a year), sorted by day, then chore name',
	tag,
	auth: true,
	query: calendarQuery,
	responses: { 200: { description: 'The occurrences', schema: z.object({ items: z.array(occurrenceBody) }) }, ...pick(400, 401, 404, 422) }
});

const occurrenceAction = <B extends z.ZodObject | undefined = undefined>(action: string, summary: string, body?: B) =>
	defineOperation<B>({
		method: 'POST',
		path: `/households/{hid}/chores/{cid}/occurrences/{dueOn}/${action}`,
		summary,
		tag,
		auth: true,
		body,
		responses: { 200: { description: 'The occurrence', schema: occurrenceBody }, ...pick(400, 401, 404, 409, 422) }
	});

export const completeOccurrence = occurrenceAction(
	'complete',
	'Mark done, by the caller or by `doneByMemberId` (the doer gets the credit)',
	z.object({ doneByMemberId: z.uuid({ error: 'Choose a member.' }).optional() })
);
export const undoOccurrence = occurrenceAction('undo', 'Reopen a done or skipped occurrence');
export const skipOccurrence = occurrenceAction(
	'skip',
	'Skip with a reason',
	z.object({ reason: z.string({ error: 'Say why it is skipped.' }).trim().min(1, 'Say why it is skipped.').max(500, 'Use at most 500 characters.') })
);
export const reassignOccurrence = occurrenceAction('reassign', 'Give it to another member', z.object({ memberId: z.uuid({ error: 'Choose a member.' }) }));

export const choreFairness = defineOperation({
	method: 'GET',
	path: '/households/{hid}/chore-fairness',
	summary: 'Effort done and expected per member (capacity-weighted, absences excluded)',
	tag,
	auth: true,
	query: z
		.object({ from: calendarDate(), to: calendarDate() })
		.refine((q) => q.from <= q.to, { path: ['to'], message: 'The last day cannot be before the first.' }),
	responses: {
		200: {
			description: 'Fairness per member',
			schema: z.object({ items: z.array(z.object({ memberId: idField, effortDone: z.number(), effortExpected: z.number() })) }).meta({ id: 'ChoreFairness' })
		},
		...pick(400, 401, 404, 422)
	}
});
