/** Checks a real response body against the served OpenAPI document (JSON Schema 2020-12). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { call } from './http';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

let document: Promise<Doc> | undefined;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function sits on `default` or is the module itself.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
addFormats(ajv);

export function servedDocument(): Promise<Doc> {
	document ??= call<Doc>('/api/v1/openapi.json').then((r) => r.body);
	return document;
}

export async function expectMatchesDocument(method: string, path: string, status: number, body: unknown): Promise<void> {
	const doc = await servedDocument();
	const schema = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
	expect(schema, `${method} ${path} ${status} is not in the OpenAPI document`).toBeTruthy();
	const validate = ajv.compile({ ...schema, components: doc.components });
	const valid = validate(body);
	expect(validate.errors ?? [], `${method} ${path} ${status} body does not match the document`).toEqual([]);
	expect(valid).toBe(true);
}
