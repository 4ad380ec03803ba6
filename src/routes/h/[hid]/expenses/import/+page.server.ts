import { fail, redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { attempt } from '$lib/server/forms';
import { importSplitwise, previewSplitwise } from '$lib/server/money/splitwise-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	return { members: (await listMembers(household.id)).filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName })) };
};

/** The CSV from the file field (first step) or the hidden field (later steps), and the chosen members. */
async function readForm(request: Request) {
	const formData = await request.formData();
	const file = formData.get('file');
	const csv = file instanceof File && file.size > 0 ? await file.text() : String(formData.get('csv') ?? '');
	const mapping = Object.fromEntries([...formData].filter(([key]) => key.startsWith('map_')).map(([key, value]) => [key.slice('map_'.length), String(value)]));
	return { csv, mapping };
}

export const actions: Actions = {
	preview: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const { csv, mapping } = await readForm(request);
		if (!csv.trim()) return fail(400, { values: {}, errors: { file: 'Choose the CSV file Splitwise exported.' } });
		return attempt(async () => ({ csv, preview: await previewSplitwise(context, csv, mapping) }), {});
	},
	import: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const { csv, mapping } = await readForm(request);
		if (!csv.trim()) return fail(400, { values: {}, errors: { file: 'Choose the CSV file Splitwise exported.' } });
		const outcome = await attempt(() => importSplitwise(context, csv, mapping), {});
		if ('expenses' in outcome) redirect(303, `/h/${params.hid}/balances?imported=${outcome.expenses + outcome.payments}`);
		// A refusal at this step still shows the preview, so the mapping can be fixed.
		const preview = await previewSplitwise(context, csv, mapping).catch(() => null);
		return fail(outcome.status, { ...outcome.data, csv, preview });
	}
};
