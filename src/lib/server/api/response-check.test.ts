import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedResponse, responseMismatch } from './response-check';
import { defineOperation } from './operation';

const item = z.object({ id: z.string(), tags: z.array(z.object({ name: z.string() })), note: z.string().nullable() });

describe('checking an answer against its documented schema', () => {
	it('passes an answer that fits', () => {
		expect(responseMismatch(item, { id: 'a', tags: [{ name: 'x' }], note: null })).toBeNull();
	});

	it('names a missing field, a wrong type and an undocumented key, however deep', () => {
		expect(responseMismatch(item, { id: 'a', tags: [] })).toMatch(/^note: /);
		expect(responseMismatch(item, { id: 1, tags: [], note: null })).toMatch(/^id: /);
		expect(responseMismatch(item, { id: 'a', tags: [{ name: 'x', colour: 'red' }], note: null })).toBe('tags.0.colour: not documented');
	});

	it('turns a mismatch into a 500 response_mismatch; leaves other statuses and non-JSON alone', async () => {
		const operation = defineOperation({
			method: 'GET',
			path: '/x',
			summary: 'x',
			tag: 'x',
			auth: false,
			responses: { 200: { description: 'x', schema: item } }
		});
		const wrong = await checkedResponse(operation, Response.json({ id: 'a', tags: [], note: null, secret: 1 }));
		expect(wrong.status).toBe(500);
		expect(await wrong.json()).toMatchObject({ error: { code: 'response_mismatch' } });
		const right = Response.json({ id: 'a', tags: [], note: 'n' });
		expect(await checkedResponse(operation, right)).toBe(right);
		const created = Response.json({ anything: true }, { status: 201 });
		expect(await checkedResponse(operation, created)).toBe(created);
	});
});
