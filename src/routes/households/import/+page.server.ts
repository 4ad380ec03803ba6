import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/households/guard';
import { formAction, type FormAdapter } from '$lib/server/forms';
import { parseJsonText } from '$lib/server/api/handler';
import { DomainError } from '$lib/server/errors';
import { exportDocument, type ExportDocument } from '$lib/server/portability/document';
import { importHousehold } from '$lib/server/portability/import';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async () => {
	requireUser();
	return {};
};

/** The first problem the schema finds, in words, with where it is. */
const describe = (issue: { path: PropertyKey[]; message: string }) =>
	issue.path.length ? `${issue.path.map(String).join(' → ')}: ${issue.message}` : issue.message;

const nameOf = (formData: FormData) =>
	String(formData.get('name') ?? '')
		.trim()
		.slice(0, 80);

/** The export file (JSON, checked against the export document) and the name the copy takes. */
const importForm: FormAdapter<{ doc: ExportDocument; name: string }> = {
	async read(formData) {
		const file = formData.get('file');
		if (!(file instanceof File) || file.size === 0) return { ok: false, errors: { file: m.r_export_file() } };
		let json: unknown;
		try {
			json = parseJsonText(await file.text());
		} catch (error) {
			if (!(error instanceof DomainError)) throw error;
			const why = error.code === 'malformed_json' ? m.r_not_json() : `That file cannot be imported: ${error.message}`;
			return { ok: false, errors: { file: why } };
		}
		const parsed = exportDocument.safeParse(json);
		if (!parsed.success) return { ok: false, status: 422, errors: { file: `Nothing was imported: ${describe(parsed.error.issues[0]!)}` } };
		return { ok: true, input: { doc: parsed.data, name: nameOf(formData) } };
	},
	values: (formData) => ({ name: nameOf(formData) })
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireUser();
		return formAction(request, 'import', importForm, async ({ doc, name }) => {
			const { householdId } = await importHousehold(user, doc, name || undefined);
			redirect(303, resolve('/h/[hid]?imported=1', { hid: householdId }));
		});
	}
};
