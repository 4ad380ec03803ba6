import { feedIcs, ICS_HEADERS } from '$lib/server/chores/ics';
import { orErrorPage } from '$lib/server/forms';
import type { RequestHandler } from './$types';

// One member's chores, authorized by the secret token in the link.
export const GET: RequestHandler = async ({ params, url }) =>
	new Response(await orErrorPage(feedIcs(params.hid, params.mid, url.searchParams.get('token'))), { headers: ICS_HEADERS });
