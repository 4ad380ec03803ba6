import { feedIcs, ICS_HEADERS } from '$lib/server/chores/ics';
import { orErrorPage } from '$lib/server/forms';
import type { RequestHandler } from './$types';

// Authorized by the secret token in the link (calendar apps send no cookies).
export const GET: RequestHandler = async ({ params, url }) =>
	new Response(await orErrorPage(feedIcs(params.hid, null, url.searchParams.get('token'))), { headers: ICS_HEADERS });
