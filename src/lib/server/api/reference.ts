/**
 * The API reference page's content, read from the served OpenAPI document so the page
 * can never disagree with it: per tag, each operation with its parameters, body fields
 * and answers, types written the way people read them.
 */
import { openApiDocument } from './openapi';

type Schema = {
	$ref?: string;
	type?: string | string[];
	format?: string;
	enum?: unknown[];
	const?: unknown;
	items?: Schema;
	properties?: Record<string, Schema>;
	required?: string[];
	anyOf?: Schema[];
	oneOf?: Schema[];
	description?: string;
	additionalProperties?: Schema | boolean;
};

export interface ReferenceField {
	name: string;
	type: string;
	required: boolean;
	description: string;
}

export interface ReferenceOperation {
	id: string;
	method: string;
	path: string;
	summary: string;
	auth: boolean;
	params: ReferenceField[];
	body: ReferenceField[] | null;
	responses: Array<{ status: string; description: string; type: string | null }>;
}

const refName = (ref: string) => ref.split('/').pop()!;

export function apiReference(): Array<{ tag: string; operations: ReferenceOperation[] }> {
	const doc = openApiDocument() as unknown as {
		paths: Record<string, Record<string, Record<string, unknown>>>;
		components?: { schemas?: Record<string, Schema> };
	};
	const components = doc.components?.schemas ?? {};
	const resolve = (schema: Schema): Schema => (schema.$ref ? (components[refName(schema.$ref)] ?? {}) : schema);
	const typeOf = (schema: Schema | undefined): string => {
		if (!schema) return 'any';
		if (schema.$ref) return refName(schema.$ref);
		if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
		if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(' or ');
		const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
		if (type === 'array') return `array of ${typeOf(schema.items)}`;
		if (type === 'object' && !schema.properties && schema.additionalProperties) return 'object (map)';
		return schema.format ? `${type} (${schema.format})` : (type ?? 'any');
	};
	/** Top-level fields, and one level into nested objects (rule.threshold). */
	const fieldsOf = (schema: Schema, prefix = '', depth = 0): ReferenceField[] => {
		const object = resolve(schema);
		return Object.entries(object.properties ?? {}).flatMap(([name, property]) => {
			const field = {
				name: prefix + name,
				type: typeOf(property),
				required: (object.required ?? []).includes(name),
				description: resolve(property).description ?? property.description ?? ''
			};
			const inner = resolve(property);
			return depth < 1 && inner.properties && !property.$ref ? [field, ...fieldsOf(inner, `${prefix}${name}.`, depth + 1)] : [field];
		});
	};
	const sections = new Map<string, ReferenceOperation[]>();
	for (const [path, methods] of Object.entries(doc.paths)) {
		for (const [method, raw] of Object.entries(methods)) {
			const op = raw as {
				summary?: string;
				tags?: string[];
				security?: unknown[];
				parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
				requestBody?: { content: Record<string, { schema: Schema }> };
				responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
			};
			const tag = op.tags?.[0] ?? 'Other';
			const bodySchema = op.requestBody?.content['application/json']?.schema;
			const list = sections.get(tag) ?? [];
			list.push({
				id: `${method}-${path}`
					.replace(/[^a-z0-9]+/gi, '-')
					.replace(/-+$/, '')
					.toLowerCase(),
				method: method.toUpperCase(),
				path: `/api/v1${path}`,
				summary: op.summary ?? '',
				auth: (op.security?.length ?? 0) > 0,
				params: (op.parameters ?? []).map((p) => ({
					name: p.name,
					type: `${typeOf(p.schema)}, in ${p.in}`,
					required: p.required ?? false,
					description: p.description ?? ''
				})),
				body: bodySchema ? fieldsOf(bodySchema) : null,
				responses: Object.entries(op.responses).map(([status, r]) => ({
					status,
					description: r.description,
					type: r.content ? typeOf(r.content['application/json']?.schema) : null
				}))
			});
			sections.set(tag, list);
		}
	}
	return [...sections].map(([tag, operations]) => ({ tag, operations }));
}
