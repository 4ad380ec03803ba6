import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { listActivity } from '$lib/server/activity/log';
import { endpoint } from '$lib/server/api/handler';
import { decodeCursor, page } from '$lib/server/api/pagination';
import { listActivityOperation } from '$lib/server/api/spec/households';
import { requireMember } from '$lib/server/households/guard';

const position = z.object({ id: z.string().regex(/^\d+$/) });

export const GET = endpoint(listActivityOperation, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	const after = decodeCursor(query.cursor, position);
	const rows = await listActivity(household.id, { limit: query.limit + 1, before: after?.id });
	const result = page(rows, query.limit, (last) => ({ id: last.id }));
	return json({ items: result.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })), nextCursor: result.nextCursor });
});
