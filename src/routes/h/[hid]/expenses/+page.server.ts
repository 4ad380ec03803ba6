import { decodeCursor } from '$lib/server/api/pagination';
import { DomainError } from '$lib/server/errors';
import { requireMember } from '$lib/server/households/guard';
import { expensesPage } from '$lib/server/money/expenses-page';
import { expenseFilter, expensePosition as position } from '$lib/server/money/schemas';
import { fieldErrors } from '$lib/server/validation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const context = await requireMember(params.hid);
	const raw = Object.fromEntries([...url.searchParams].filter(([key, value]) => key !== 'after' && value !== ''));
	const parsed = expenseFilter.safeParse(raw);
	const filter = parsed.success ? parsed.data : {};
	let after;
	try {
		after = decodeCursor(url.searchParams.get('after') ?? undefined, position);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
	}
	return {
		...(await expensesPage(context, filter, after)),
		filter: raw,
		filterErrors: parsed.success ? {} : fieldErrors(parsed.error)
	};
};
