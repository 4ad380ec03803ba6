import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One JSON-API operation: the schemas that validate its requests are the ones the
 * OpenAPI document is generated from, so the two cannot drift apart.
 */
export interface Operation<Body extends z.ZodType | undefined = z.ZodType | undefined, Query extends z.ZodObject | undefined = z.ZodObject | undefined> {
	method: Method;
	/** OpenAPI form, `{hid}` for a parameter; matches the route folder `[hid]`. */
	path: string;
	summary: string;
	tag: string;
	/** false for the few operations open to anyone (sign up, log in, the document itself). */
	auth: boolean;
	body?: Body;
	query?: Query;
	/** Status code → description and body schema (none for 204). */
	responses: Record<number, { description: string; schema?: z.ZodType }>;
}

export function defineOperation<B extends z.ZodType | undefined = undefined, Q extends z.ZodObject | undefined = undefined>(
	operation: Operation<B, Q>
): Operation<B, Q> {
	return operation;
}
