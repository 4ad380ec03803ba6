import { requireAdmin } from '$lib/server/households/guard';
import { exportText } from '$lib/server/portability/export';
import { textStream } from '$lib/server/streams';
import { todayIn } from '$lib/dates';
import type { RequestHandler } from './$types';

/** The settings page's download: the same document as the API's export, streamed. */
export const GET: RequestHandler = async ({ params }) => {
	const context = await requireAdmin(params.hid);
	const slug =
		context.household.name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'household';
	return new Response(textStream(exportText(context)), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="hearth-${slug}-${todayIn(context.household.timezone)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
