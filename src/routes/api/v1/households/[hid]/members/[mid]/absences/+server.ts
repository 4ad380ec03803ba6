import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { addAbsence } from '$lib/server/api/spec/households';
import { requireMember } from '$lib/server/households/guard';
import * as absences from '$lib/server/households/absences';

export const POST = endpoint(addAbsence, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await absences.addAbsence(context, event.params.mid!, body), { status: 201 });
});
