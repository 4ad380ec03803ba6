import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { presentMember } from '$lib/server/api/present';
import { addMember, listMembers } from '$lib/server/api/spec/households';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as members from '$lib/server/households/members';

export const GET = endpoint(listMembers, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: (await members.listMembers(household.id)).map(presentMember) });
});

export const POST = endpoint(addMember, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(presentMember(await members.addMember(context, body)), { status: 201 });
});
