import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createAccessToken, listAccessTokens } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';
import * as tokens from '$lib/server/auth/access-tokens';

export const GET = endpoint(listAccessTokens, async () => json({ items: await tokens.listAccessTokens(requireUser().id), nextCursor: null }));

export const POST = endpoint(createAccessToken, async ({ event, body }) =>
	json(await tokens.createAccessToken(requireUser().id, body.name, body.password, event.locals.credential), { status: 201 })
);
