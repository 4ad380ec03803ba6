import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** For load balancers and monitors: 200 when this instance can serve, 503 (with why) when not. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth();
	return json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
