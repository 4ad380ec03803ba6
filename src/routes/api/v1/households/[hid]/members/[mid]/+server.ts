import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { presentMember } from '$lib/server/api/present';
import { updateMember } from '$lib/server/api/spec/households';
import { requireAdmin } from '$lib/server/households/guard';
import * as members from '$lib/server/households/members';

export const PATCH = endpoint(updateMember, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(presentMember(await members.updateMember(context, event.params.mid!, body)));
});
