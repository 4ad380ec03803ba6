import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { addCategory, DEFAULT_CATEGORIES, listCategories, removeCategory } from '$lib/server/money/categories';
import { singleLineText } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const all = await listCategories(household.id);
	return { categories: all.map((c) => ({ ...c, own: !DEFAULT_CATEGORIES.some((d) => d.key === c.key) })) };
};

export const actions: Actions = {
	add: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'add', z.object({ name: singleLineText(() => m.r_category_name(), 40) }), ({ name }) =>
			addCategory(context, name).then(() => name)
		);
	},
	remove: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'remove', z.object({ key: z.string().max(40) }), ({ key }) => removeCategory(context, key).then(() => true as const));
	}
};
