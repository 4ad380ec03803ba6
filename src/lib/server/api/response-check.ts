/**
 * In development and in the test suites, every JSON answer of an endpoint is checked
 * against the schema its operation documents for that status: a field missing, of another
 * type or not documented at all is a 500 `response_mismatch` naming the path, so the
 * contract (API.md, openapi.json) cannot drift from what the code returns. Production
 * skips the check (`HEARTH_CHECK_RESPONSES=1` turns it on anywhere).
 */
import type { z } from 'zod';
import type { Operation } from './operation';
import { apiError } from './error-body';
import { log } from '$lib/server/observability/log';

export function checkingResponses(dev: boolean): boolean {
	return dev || process.env.HEARTH_CHECK_RESPONSES === '1';
}

/** The first difference between an answer and its schema, as a path and a reason; null when it fits. */
export function responseMismatch(schema: z.ZodType, body: unknown): string | null {
	const result = schema.safeParse(body);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		return `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`;
	}
	return undocumentedKey(body, result.data, '');
}

/** A key the answer has that the parsed (documented) shape dropped. */
function undocumentedKey(sent: unknown, documented: unknown, path: string): string | null {
	if (Array.isArray(sent) && Array.isArray(documented)) {
		for (let i = 0; i < sent.length; i++) {
			const found = undocumentedKey(sent[i], documented[i], `${path}${i}.`);
			if (found) return found;
		}
		return null;
	}
	if (!isPlainObject(sent) || !isPlainObject(documented)) return null;
	for (const key of Object.keys(sent)) {
		if (!(key in documented)) return `${path}${key}: not documented`;
		const found = undocumentedKey(sent[key], documented[key], `${path}${key}.`);
		if (found) return found;
	}
	return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answer itself, or a 500 saying how it breaks the operation's documented schema. */
export async function checkedResponse(operation: Operation, response: Response): Promise<Response> {
	const schema = operation.responses[response.status]?.schema;
	if (!schema || !(response.headers.get('content-type') ?? '').includes('application/json')) return response;
	const mismatch = responseMismatch(schema, await response.clone().json());
	if (mismatch === null) return response;
	log.error({ operation: `${operation.method} ${operation.path}`, status: response.status, mismatch }, 'An answer outside its schema');
	return apiError(500, 'response_mismatch', `The answer does not match the documented ${response.status} schema: ${mismatch}`);
}
