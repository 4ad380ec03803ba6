import { requireAdmin } from '$lib/server/households/guard';
import { exportHousehold } from '$lib/server/portability/export';
import { todayIn } from '$lib/dates';
import type { RequestHandler } from './$types';

/** The settings page's download: the same document as the API's export. */
export const GET: RequestHandler = async ({ params }) => {
	const context = await requireAdmin(params.hid);
	const slug =
		context.household.name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'household';
	return new Response(JSON.stringify(await exportHousehold(context), null, 1), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="hearth-${slug}-${todayIn(context.household.timezone)}.json"`
		}
	});
};
