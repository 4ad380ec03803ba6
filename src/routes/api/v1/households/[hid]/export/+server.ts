import { endpoint } from '$lib/server/api/handler';
import { exportHousehold } from '$lib/server/api/spec/portability';
import { requireAdmin } from '$lib/server/households/guard';
import { exportText } from '$lib/server/portability/export';
import { textStream } from '$lib/server/streams';

export const GET = endpoint(exportHousehold, async ({ event }) => {
	const context = await requireAdmin(event.params.hid!);
	return new Response(textStream(exportText(context)), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
});
