import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { exportHousehold } from '$lib/server/api/spec/portability';
import { requireAdmin } from '$lib/server/households/guard';
import * as portability from '$lib/server/portability/export';

export const GET = endpoint(exportHousehold, async ({ event }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await portability.exportHousehold(context));
});
