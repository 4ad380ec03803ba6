import { feedResponse } from '$lib/server/chores/ics';
import { orErrorPage } from '$lib/server/forms';
import type { RequestHandler } from './$types';

// Authorized by the secret token in the link (calendar apps send no cookies).
export const GET: RequestHandler = ({ params, url, request }) => orErrorPage(feedResponse(params.hid, null, url.searchParams.get('token'), request));
