import { z } from 'zod';
import { locales } from '$lib/i18n/locales';
import { absenceInput, householdInput, inviteInput, memberInput, memberPatch, ROLES } from '$lib/server/households/schemas';
import { defineOperation } from '../operation';
import { idField, pick } from './common';
import { listQuery } from '../pagination';

export const householdBody = z
	.object({
		id: idField,
		name: z.string(),
		currency: z.string().meta({ example: 'EUR' }),
		timezone: z.string().meta({ example: 'Europe/Berlin' }),
		locale: z.enum(locales).meta({ description: 'The language of the household’s shared outputs (calendar feeds, exports)' }),
		me: z.object({ memberId: idField, isAdmin: z.boolean() })
	})
	.meta({ id: 'Household' });

export const memberBody = z
	.object({
		id: idField,
		displayName: z.string(),
		role: z.enum(ROLES),
		isAdmin: z.boolean(),
		userId: idField.nullable(),
		shareWeight: z.number(),
		choreCapacity: z.number(),
		active: z.boolean(),
		version: z.number().int().meta({ description: 'Send it back with a change (PATCH): a stale one is refused with 409' }),
		locale: z.enum(locales).nullable().meta({ description: 'For a member without a login: the language of their reminders (null: the household’s)' }),
		guardianMemberId: idField.nullable().meta({ description: 'For a member without a login: who gets their chore reminders' }),
		reminderEmail: z.string().nullable().meta({ description: 'For a member without a login: an address for their chore reminders only' })
	})
	.meta({ id: 'Member' });

const tag = 'Households and members';

export const createHousehold = defineOperation({
	method: 'POST',
	path: '/households',
	summary: 'Create a household; the caller becomes its adult admin',
	tag,
	auth: true,
	body: householdInput,
	responses: { 201: { description: 'The household', schema: householdBody }, ...pick(400, 401, 422) }
});

export const getHousehold = defineOperation({
	method: 'GET',
	path: '/households/{hid}',
	summary: 'A household of the caller',
	tag,
	auth: true,
	responses: { 200: { description: 'The household', schema: householdBody }, ...pick(401, 404) }
});

export const listMembers = defineOperation({
	method: 'GET',
	path: '/households/{hid}/members',
	summary: 'Every member, active and left',
	tag,
	auth: true,
	responses: { 200: { description: 'The members', schema: z.object({ items: z.array(memberBody) }) }, ...pick(401, 404) }
});

export const addMember = defineOperation({
	method: 'POST',
	path: '/households/{hid}/members',
	summary: 'Add a member without a login (admins)',
	tag,
	auth: true,
	body: memberInput,
	responses: { 201: { description: 'The member', schema: memberBody }, ...pick(400, 401, 403, 404, 422) }
});

export const updateMember = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/members/{mid}',
	summary: 'Edit a member; send the `version` you edited (409 if someone changed it since); `active: false` marks them as having left (admins)',
	tag,
	auth: true,
	body: memberPatch,
	responses: { 200: { description: 'The member', schema: memberBody }, ...pick(400, 401, 403, 404, 409, 422) }
});

export const createInvite = defineOperation({
	method: 'POST',
	path: '/households/{hid}/invites',
	summary: 'Make an invite link (admins); the token is shown only here',
	tag,
	auth: true,
	body: inviteInput,
	responses: {
		201: {
			description: 'The invite',
			schema: z
				.object({
					token: z.string(),
					url: z.string(),
					expiresAt: z.iso.datetime({ offset: true }),
					mailed: z.boolean().optional().meta({ description: 'With `email`: whether the mail was sent (the link works either way)' })
				})
				.meta({ id: 'Invite' })
		},
		...pick(400, 401, 403, 404, 422, 503)
	}
});

export const acceptInvite = defineOperation({
	method: 'POST',
	path: '/invites/{token}/accept',
	summary: 'Join the household of an invite',
	tag,
	auth: true,
	responses: { 200: { description: 'The membership', schema: z.object({ householdId: idField, memberId: idField }) }, ...pick(401, 404, 409, 410) }
});

export const addAbsence = defineOperation({
	method: 'POST',
	path: '/households/{hid}/members/{mid}/absences',
	summary: 'Record that a member is away (themselves, or anyone for admins)',
	tag,
	auth: true,
	body: absenceInput,
	responses: {
		201: {
			description: 'The absence',
			schema: z.object({ id: idField, memberId: idField, from: z.string(), to: z.string(), note: z.string() }).meta({ id: 'Absence' })
		},
		...pick(400, 401, 403, 404, 422)
	}
});

export const listActivityOperation = defineOperation({
	method: 'GET',
	path: '/households/{hid}/activity',
	summary: 'The household’s activity log, newest first',
	tag,
	auth: true,
	query: listQuery,
	responses: {
		200: {
			description: 'A page of activity',
			schema: z
				.object({
					items: z.array(
						z.object({
							id: z.string(),
							action: z.string().meta({ example: 'member.added' }),
							summary: z.string().meta({ description: 'What happened, in the language of the request (Accept-Language); `action` is the stable code' }),
							actorName: z.string().nullable(),
							subjectType: z.string(),
							subjectId: z.string().nullable(),
							details: z.record(z.string(), z.unknown()),
							createdAt: z.iso.datetime({ offset: true })
						})
					),
					nextCursor: z.string().nullable()
				})
				.meta({ id: 'ActivityPage' })
		},
		...pick(400, 401, 404)
	}
});
