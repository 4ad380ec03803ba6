import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import type { Operation } from './operation';
import { errors } from './spec/common';
import * as accounts from './spec/accounts';
import * as households from './spec/households';
import * as money from './spec/money';
import * as chores from './spec/chores';
import * as decisions from './spec/decisions';
import * as portability from './spec/portability';
import * as commons from './spec/commons';
import * as meals from './spec/meals';
import * as funds from './spec/funds';

/** Every operation of API v1; the route test checks each route file appears here. */
export const operations: Operation[] = (
	[
		...Object.values(accounts),
		...Object.values(households),
		...Object.values(money),
		...Object.values(chores),
		...Object.values(decisions),
		...Object.values(commons),
		...Object.values(meals),
		...Object.values(funds),
		...Object.values(portability)
	] as unknown[]
).filter((value): value is Operation => typeof value === 'object' && value !== null && 'method' in value && 'path' in value);

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
	if (cached) return cached;
	const paths: ZodOpenApiPathsObject = {};
	for (const op of operations) {
		const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
		// Every authenticated call counts against the caller's rate limit; any call may meet an unreachable database.
		const limited = op.auth && !('429' in op.responses) ? { ...op.responses, 429: errors[429] } : op.responses;
		const documented = op.path === '/openapi.json' ? limited : { ...limited, 503: errors[503] };
		const responses = Object.fromEntries(
			Object.entries(documented).map(([status, r]) => [
				status,
				{ description: r.description, ...(r.schema ? { content: { 'application/json': { schema: r.schema } } } : {}) }
			])
		);
		paths[op.path] ??= {};
		paths[op.path]![op.method.toLowerCase() as 'get'] = {
			summary: op.summary,
			tags: [op.tag],
			security: op.auth ? [{ bearer: [] }, { cookie: [] }] : [],
			requestParams: {
				...(params.length ? { path: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
				...(op.query ? { query: op.query } : {})
			},
			...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
			responses
		};
	}
	cached = createDocument({
		openapi: '3.1.0',
		info: {
			title: 'Hearth API',
			version: '1',
			description: 'Shared money, chores and decisions of a household. Money is in minor units (`…Minor`), dates are `YYYY-MM-DD` in the household time zone.'
		},
		servers: [{ url: '/api/v1' }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'A session token from `POST /sessions`, or a personal access token' },
				cookie: { type: 'apiKey', in: 'cookie', name: 'hearth_session' }
			}
		},
		paths
	});
	return cached;
}
