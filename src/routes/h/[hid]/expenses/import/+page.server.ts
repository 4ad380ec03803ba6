import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { formAction, refusedAnswer, type FormAdapter } from '$lib/server/forms';
import { importSplitwise, previewSplitwise, type SplitwisePreview } from '$lib/server/money/splitwise-import';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	return { members: (await listMembers(household.id)).filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName })) };
};

type SplitwiseFields = { csv: string; mapping: Record<string, string> };
/** What the import form shows again: the CSV (carried in a hidden field), the chosen members, and the preview when there is one. */
type SplitwiseKept = SplitwiseFields & { preview?: SplitwisePreview | null };

const mappingOf = (formData: FormData) =>
	Object.fromEntries([...formData].filter(([key]) => key.startsWith('map_')).map(([key, value]) => [key.slice('map_'.length), String(value)]));

/** The CSV from the file field (first step) or the hidden field (later steps), and the chosen members. */
const splitwiseForm: FormAdapter<SplitwiseFields, SplitwiseKept> = {
	async read(formData) {
		const file = formData.get('file');
		const csv = file instanceof File && file.size > 0 ? await file.text() : String(formData.get('csv') ?? '');
		if (!csv.trim()) return { ok: false, errors: { file: m.r_splitwise_file() } };
		return { ok: true, input: { csv, mapping: mappingOf(formData) } };
	},
	values: (formData) => ({ csv: String(formData.get('csv') ?? ''), mapping: mappingOf(formData) })
};

export const actions: Actions = {
	preview: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'preview', splitwiseForm, async ({ csv, mapping }) => ({
			csv,
			mapping,
			preview: await previewSplitwise(context, csv, mapping)
		}));
	},
	import: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const answer = await formAction(request, 'import', splitwiseForm, async ({ csv, mapping }) => {
			const outcome = await importSplitwise(context, csv, mapping);
			redirect(303, resolve(`/h/[hid]/balances?imported=${outcome.expenses + outcome.payments}`, { hid: params.hid }));
		});
		// A refusal at this step still shows the preview, so the mapping can be fixed.
		const refused = refusedAnswer(answer, 'import');
		if (refused?.values.csv) refused.values.preview = await previewSplitwise(context, refused.values.csv, refused.values.mapping).catch(() => null);
		return answer;
	}
};
