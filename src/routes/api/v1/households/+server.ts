import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { presentHousehold } from '$lib/server/api/present';
import { createHousehold } from '$lib/server/api/spec/households';
import { requireUser } from '$lib/server/households/guard';
import * as households from '$lib/server/households/households';

export const POST = endpoint(createHousehold, async ({ body }) => {
	const user = requireUser();
	const { household, memberId } = await households.createHousehold(user, body);
	return json(presentHousehold(household, { memberId, isAdmin: true }), { status: 201 });
});
