import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/households/guard';
import { attempt } from '$lib/server/forms';
import { parseJsonText } from '$lib/server/api/handler';
import { DomainError } from '$lib/server/errors';
import { exportDocument } from '$lib/server/portability/document';
import { importHousehold } from '$lib/server/portability/import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireUser();
	return {};
};

/** The first problem the schema finds, in words, with where it is. */
const describe = (issue: { path: PropertyKey[]; message: string }) =>
	issue.path.length ? `${issue.path.map(String).join(' → ')}: ${issue.message}` : issue.message;

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireUser();
		const formData = await request.formData();
		const name = String(formData.get('name') ?? '')
			.trim()
			.slice(0, 80);
		const file = formData.get('file');
		const values = { name };
		if (!(file instanceof File) || file.size === 0) return fail(400, { values, errors: { file: 'Choose the export file (.json) to import.' } });
		let json: unknown;
		try {
			json = parseJsonText(await file.text());
		} catch (error) {
			if (!(error instanceof DomainError)) throw error;
			const why =
				error.code === 'malformed_json'
					? 'That file is not JSON: choose a file made by “Export everything”.'
					: `That file cannot be imported: ${error.message}`;
			return fail(400, { values, errors: { file: why } });
		}
		const parsed = exportDocument.safeParse(json);
		if (!parsed.success) return fail(422, { values, errors: { file: `Nothing was imported: ${describe(parsed.error.issues[0]!)}` } });
		const outcome = await attempt(() => importHousehold(user, parsed.data, name || undefined), values);
		if ('householdId' in outcome) redirect(303, `/h/${outcome.householdId}?imported=1`);
		return outcome;
	}
};
