import { requireMember } from '$lib/server/households/guard';
import { choreHistoryCsv } from '$lib/server/chores/export';
import { csvResponse } from '$lib/server/money/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	return csvResponse(await choreHistoryCsv(household), `chores-${household.name.replace(/[^\w-]+/g, '-')}.csv`);
};
