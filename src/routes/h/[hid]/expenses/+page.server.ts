import { decodeCursor, encodeCursor } from '$lib/server/api/pagination';
import { DomainError } from '$lib/server/errors';
import { requireMember } from '$lib/server/households/guard';
import { listExpenses, sumExpenses } from '$lib/server/money/expense-queries';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { expenseFilter, expensePosition as position } from '$lib/server/money/schemas';
import { requestLocale } from '$lib/server/request';
import { fieldErrors } from '$lib/server/validation';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 30;

export const load: PageServerLoad = async ({ params, url, request }) => {
	const { household } = await requireMember(params.hid);
	const raw = Object.fromEntries([...url.searchParams].filter(([key, value]) => key !== 'after' && value !== ''));
	const parsed = expenseFilter.safeParse(raw);
	const filter = parsed.success ? parsed.data : {};
	let after;
	try {
		after = decodeCursor(url.searchParams.get('after') ?? undefined, position);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
	}
	const [rows, totals, options] = await Promise.all([
		listExpenses(household.id, filter, PAGE_SIZE + 1, after),
		sumExpenses(household.id, filter),
		expenseFormOptions(household.id)
	]);
	const items = rows.slice(0, PAGE_SIZE).map(({ position: _position, ...expense }) => expense);
	const next = rows.length > PAGE_SIZE ? encodeCursor(rows[PAGE_SIZE - 1]!.position) : null;
	return { items, next, totals, filter: raw, filterErrors: parsed.success ? {} : fieldErrors(parsed.error), ...options, locale: requestLocale(request) };
};
