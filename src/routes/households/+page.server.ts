import { requireUser } from '$lib/server/households/guard';
import { listMyHouseholds } from '$lib/server/households/households';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { households: await listMyHouseholds(user.id) };
};
