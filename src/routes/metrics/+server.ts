import { error } from '@sveltejs/kit';
import { metricsAccess, registry } from '$lib/server/observability/metrics';
import type { RequestHandler } from './$types';

/** Prometheus scrapes this instance here with `Authorization: Bearer $METRICS_TOKEN`; without METRICS_TOKEN there is nothing here. */
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess(request.headers.get('authorization'));
	if (access === 'off') error(404, 'Not found');
	if (access === 'denied')
		return new Response('The metrics token is missing or wrong.\n', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
	return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
};
