import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { importSplitwise } from '$lib/server/api/spec/portability';
import { requireAdmin } from '$lib/server/households/guard';
import * as splitwise from '$lib/server/money/splitwise-import';

export const POST = endpoint(importSplitwise, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	if (body.dryRun) return json(await splitwise.previewSplitwise(context, body.csv, body.mapping));
	return json(await splitwise.importSplitwise(context, body.csv, body.mapping ?? {}), { status: 201 });
});
