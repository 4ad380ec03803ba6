import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { importHousehold } from '$lib/server/api/spec/portability';
import { requireUser } from '$lib/server/households/guard';
import * as portability from '$lib/server/portability/import';

export const POST = endpoint(importHousehold, async ({ body, query }) =>
	json(await portability.importHousehold(requireUser(), body, query.name), { status: 201 })
);
