import { feedResponse } from '$lib/server/chores/ics';
import { orErrorPage } from '$lib/server/forms';
import type { RequestHandler } from './$types';

// One member's chores, authorized by the secret token in the link.
export const GET: RequestHandler = ({ params, url, request }) => orErrorPage(feedResponse(params.hid, params.mid, url.searchParams.get('token'), request));
