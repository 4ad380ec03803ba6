import { z } from 'zod';

export const errorBody = z
	.object({
		error: z.object({
			code: z.string().meta({ description: 'Stable: the same in every language' }),
			message: z.string().meta({ description: 'For people, in the language of the request (the account’s, else Accept-Language, else English)' }),
			fields: z.record(z.string(), z.string()).meta({ description: 'A message per field, in the same language' })
		})
	})
	.meta({ id: 'Error' });

export const errors = {
	400: { description: 'Malformed request: wrong types or missing fields', schema: errorBody },
	401: { description: 'No valid session or token', schema: errorBody },
	403: { description: 'A member, but not allowed to do this', schema: errorBody },
	404: { description: 'No such resource in a household of yours', schema: errorBody },
	409: { description: 'Conflict', schema: errorBody },
	410: { description: 'Gone: expired, used up or withdrawn', schema: errorBody },
	422: { description: 'Valid JSON that breaks a rule', schema: errorBody },
	413: { description: 'The body is larger than this endpoint takes', schema: errorBody },
	429: { description: 'Too many requests; see Retry-After', schema: errorBody },
	503: { description: 'The database cannot be reached right now (code `unavailable`); see Retry-After', schema: errorBody }
} as const;

export function pick<K extends keyof typeof errors>(...codes: K[]) {
	return Object.fromEntries(codes.map((code) => [code, errors[code]])) as Pick<typeof errors, K>;
}

export { idField } from '$lib/schema-fields';
