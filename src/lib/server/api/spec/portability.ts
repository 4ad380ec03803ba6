import { z } from 'zod';
import { exportDocument } from '$lib/server/portability/document';
import { defineOperation } from '../operation';
import { idField, pick } from './common';

const tag = 'Export and import';

export const exportHousehold = defineOperation({
	method: 'GET',
	path: '/households/{hid}/export',
	summary: 'The whole household as one versioned JSON document (admins)',
	tag,
	auth: true,
	responses: { 200: { description: 'The export document', schema: exportDocument }, ...pick(401, 403, 404) }
});

export const importHousehold = defineOperation({
	method: 'POST',
	path: '/households/import',
	summary: 'Import an export document as a new household; you take the exporting member’s place as its admin. All or nothing.',
	tag,
	auth: true,
	query: z.object({ name: z.string().trim().max(80, 'Use at most 80 characters.').optional() }),
	body: exportDocument,
	responses: { 201: { description: 'The new household', schema: z.object({ householdId: idField }) }, ...pick(400, 401, 413, 422) }
});
