import { endpoint } from '$lib/server/api/handler';
import { removePushSubscription, savePushSubscription } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';
import * as push from '$lib/server/notifications/push';

export const POST = endpoint(savePushSubscription, async ({ body }) => {
	await push.savePushSubscription(requireUser().id, body);
	return new Response(null, { status: 204 });
});

export const DELETE = endpoint(removePushSubscription, async ({ query }) => {
	await push.removePushSubscription(requireUser().id, query.endpoint);
	return new Response(null, { status: 204 });
});
