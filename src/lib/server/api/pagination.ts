import { z } from 'zod';
import { DomainError } from '$lib/server/errors';
import { wholeNumber } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

/** `?limit=` (default 50, at most 200) and `?cursor=` of every API list. */
export const listQuery = z.object({
	limit: wholeNumber(1, 200, { missing: () => m.a_limit(), whole: () => m.a_limit() }, true).default(50),
	cursor: z
		.string()
		.max(200, { error: () => m.a_cursor_ours() })
		.optional()
});

/**
 * Cursors are opaque to clients: the position after the last item returned, as
 * base64url JSON. A cursor that does not decode is a 400, never a 500.
 */
export function encodeCursor(position: object): string {
	return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, shape: S): z.infer<S> | undefined {
	if (cursor === undefined) return undefined;
	try {
		return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
	} catch {
		throw new DomainError(400, 'invalid_cursor', m.a_cursor_restart(), { cursor: m.a_cursor_field() });
	}
}

/** Asks for one more than the page, so the answer knows whether another page follows. */
export function page<T>(rows: T[], limit: number, positionOf: (last: T) => object): { items: T[]; nextCursor: string | null } {
	const items = rows.slice(0, limit);
	return { items, nextCursor: rows.length > limit ? encodeCursor(positionOf(items[items.length - 1]!)) : null };
}
