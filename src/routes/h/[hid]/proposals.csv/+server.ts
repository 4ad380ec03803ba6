import { requireMember } from '$lib/server/households/guard';
import { proposalsCsv } from '$lib/server/decisions/export';
import { csvResponse } from '$lib/server/money/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	return csvResponse(await proposalsCsv(household), `decisions-${household.name.replace(/[^\w-]+/g, '-')}.csv`);
};
