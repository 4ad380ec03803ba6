import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { choreCalendar } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import * as calendar from '$lib/server/chores/occurrences';

export const GET = endpoint(choreCalendar, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await calendar.choreCalendar(household, query.from, query.to, query.memberId) });
});
