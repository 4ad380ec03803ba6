import { requireMember } from '$lib/server/households/guard';
import { balancesCsv, csvResponse } from '$lib/server/money/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	return csvResponse(await balancesCsv(household), `balances-${household.name.replace(/[^\w-]+/g, '-')}.csv`);
};
