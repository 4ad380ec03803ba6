import { error } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { csvResponse, expensesCsv } from '$lib/server/money/export';
import { expenseFilter } from '$lib/server/money/schemas';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async ({ params, url }) => {
	const { household } = await requireMember(params.hid);
	const filter = expenseFilter.safeParse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
	if (!filter.success) error(400, { message: m.r_filter_invalid() });
	return csvResponse(await expensesCsv(household, filter.data), `expenses-${household.name.replace(/[^\w-]+/g, '-')}.csv`);
};
