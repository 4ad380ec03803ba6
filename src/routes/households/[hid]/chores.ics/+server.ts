import { icsResponse } from '$lib/server/chores/ics';
import type { RequestHandler } from './$types';

// Authorized by the secret token in the link (calendar apps send no cookies).
export const GET: RequestHandler = ({ params, url }) => icsResponse(params.hid, null, url.searchParams.get('token'));
