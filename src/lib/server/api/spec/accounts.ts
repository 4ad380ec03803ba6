import { z } from 'zod';
import { logInInput, signUpInput } from '$lib/server/auth/schemas';
import { defineOperation } from '../operation';
import { pushSubscriptionInput } from '$lib/server/notifications/push';
import { m } from '$lib/paraglide/messages';
import { idField, pick } from './common';

export const userBody = z.object({ id: idField, email: z.string(), displayName: z.string() }).meta({ id: 'User' });
export const sessionBody = z.object({ token: z.string(), expiresAt: z.iso.datetime({ offset: true }) }).meta({ id: 'SessionToken' });
export const meBody = z
	.object({
		id: idField,
		email: z.string(),
		displayName: z.string(),
		households: z.array(z.object({ id: idField, name: z.string(), memberId: idField }))
	})
	.meta({ id: 'Me' });

export const signUp = defineOperation({
	method: 'POST',
	path: '/users',
	summary: 'Create an account',
	tag: 'Accounts',
	auth: false,
	body: signUpInput,
	responses: { 201: { description: 'The new user', schema: userBody }, ...pick(400, 409, 422, 429) }
});

export const logIn = defineOperation({
	method: 'POST',
	path: '/sessions',
	summary: 'Log in and get a session token for `Authorization: Bearer`',
	tag: 'Accounts',
	auth: false,
	body: logInInput,
	responses: { 201: { description: 'A session token, valid 30 days (sliding)', schema: sessionBody }, ...pick(400, 401, 429) }
});

export const logOut = defineOperation({
	method: 'DELETE',
	path: '/sessions/current',
	summary: 'End the session the request authenticates with',
	tag: 'Accounts',
	auth: true,
	responses: { 204: { description: 'The token no longer works' }, ...pick(400, 401) }
});

export const me = defineOperation({
	method: 'GET',
	path: '/me',
	summary: 'The caller and their households',
	tag: 'Accounts',
	auth: true,
	responses: { 200: { description: 'The caller', schema: meBody }, ...pick(401) }
});

export const openapiDocument = defineOperation({
	method: 'GET',
	path: '/openapi.json',
	summary: 'This OpenAPI 3.1 document',
	tag: 'Meta',
	auth: false,
	responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } }
});

export const accessTokenBody = z
	.object({ id: idField, name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
	.meta({ id: 'AccessToken' });

export const accessTokenInput = z
	.object({
		name: z
			.string({ error: 'Name the token after what will use it.' })
			.trim()
			.min(1, 'Name the token after what will use it.')
			.max(80, 'Use at most 80 characters.')
			.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'Use letters, numbers and punctuation only.'),
		password: z.string({ error: 'Enter your password to make a token.' }).min(1, 'Enter your password to make a token.').max(256, 'That is not your password.')
	})
	.meta({ id: 'AccessTokenInput' });

export const listAccessTokens = defineOperation({
	method: 'GET',
	path: '/me/tokens',
	summary: 'Your personal access tokens (never the secrets), newest first',
	tag: 'Accounts',
	auth: true,
	responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(accessTokenBody), nextCursor: z.null() }) }, ...pick(401, 429) }
});

export const createAccessToken = defineOperation({
	method: 'POST',
	path: '/me/tokens',
	summary: 'Make a personal access token for scripts (needs a session, not a token, and your password); the secret is in this answer only',
	tag: 'Accounts',
	auth: true,
	body: accessTokenInput,
	responses: {
		201: { description: 'The token, with its secret', schema: accessTokenBody.extend({ token: z.string() }).meta({ id: 'NewAccessToken' }) },
		...pick(400, 401, 403, 422, 429)
	}
});

export const revokeAccessToken = defineOperation({
	method: 'DELETE',
	path: '/me/tokens/{tid}',
	summary: 'Revoke a personal access token: it stops working at once',
	tag: 'Accounts',
	auth: true,
	responses: { 204: { description: 'Revoked' }, ...pick(401, 404, 429) }
});

export const savePushSubscription = defineOperation({
	method: 'POST',
	path: '/me/push-subscriptions',
	summary:
		'This browser takes your notifications by Web Push: send the subscription as PushSubscription.toJSON() gives it (a browser subscribed for another account moves to you)',
	tag: 'Accounts',
	auth: true,
	body: pushSubscriptionInput,
	responses: { 204: { description: 'Saved' }, ...pick(400, 401, 429) }
});

export const removePushSubscription = defineOperation({
	method: 'DELETE',
	path: '/me/push-subscriptions',
	summary: 'This browser no longer takes your pushes',
	tag: 'Accounts',
	auth: true,
	query: z.object({ endpoint: z.string({ error: () => m.v_push_subscription() }).max(1000, { error: () => m.v_push_subscription() }) }),
	responses: { 204: { description: 'Forgotten (or never known)' }, ...pick(400, 401, 429) }
});
