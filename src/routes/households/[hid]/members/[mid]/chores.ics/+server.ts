import { icsResponse } from '$lib/server/chores/ics';
import type { RequestHandler } from './$types';

// One member's chores, authorized by the secret token in the link.
export const GET: RequestHandler = ({ params, url }) => icsResponse(params.hid, params.mid, url.searchParams.get('token'));
