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

const splitwiseInput = z
	.object({
		csv: z
			.string({ error: 'Send the CSV text of the Splitwise export.' })
			.min(1, 'Send the CSV text of the Splitwise export.')
			.max(20_000_000, 'The file is too large.'),
		mapping: z
			.record(z.string(), z.string())
			.optional()
			.meta({ description: 'Splitwise column (0 = first person) → member id; unmapped people are guessed by name' }),
		dryRun: z.boolean().optional().meta({ description: 'Only preview: nothing is written' })
	})
	.meta({ id: 'SplitwiseImport' });

const splitwisePreview = z
	.object({
		people: z.array(z.object({ name: z.string(), memberId: z.string(), netMinor: z.number().int() })),
		expenses: z.number().int(),
		payments: z.number().int(),
		from: z.string(),
		to: z.string(),
		balances: z.array(z.object({ memberId: idField, nowMinor: z.number().int(), importedMinor: z.number().int(), afterMinor: z.number().int() })),
		unmapped: z.array(z.string())
	})
	.meta({ id: 'SplitwisePreview' });

export const importSplitwise = defineOperation({
	method: 'POST',
	path: '/households/{hid}/imports/splitwise',
	summary: 'Import a Splitwise CSV export (admins): preview with `dryRun`, then import; all or nothing',
	tag,
	auth: true,
	body: splitwiseInput,
	responses: {
		200: { description: 'The preview (dryRun): who maps to whom and the balances the import would leave', schema: splitwisePreview },
		201: { description: 'Imported', schema: z.object({ expenses: z.number().int(), payments: z.number().int() }) },
		...pick(400, 401, 403, 404, 413, 422)
	}
});
