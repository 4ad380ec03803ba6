import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { me } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';
import { listMyHouseholds } from '$lib/server/households/households';

export const GET = endpoint(me, async () => {
	const user = requireUser();
	const households = await listMyHouseholds(user.id);
	return json({
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		households: households.map(({ id, name, memberId }) => ({ id, name, memberId }))
	});
});
