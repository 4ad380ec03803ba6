import { listActivity } from '$lib/server/activity/log';
import { requireMember } from '$lib/server/households/guard';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ params, url }) => {
	const { household } = await requireMember(params.hid);
	const items = await listActivity(household.id, { limit: PAGE_SIZE + 1, before: url.searchParams.get('before') ?? undefined });
	return { items: items.slice(0, PAGE_SIZE), older: items.length > PAGE_SIZE ? items[PAGE_SIZE - 1]!.id : null };
};
