import { z } from 'zod';
import { addMonths, format } from 'date-fns';
import { todayIn } from '$lib/dates';
import { requireMember } from '$lib/server/households/guard';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { layoutChart, paidAndOwed, spendingByMonth } from '$lib/server/money/overview';
import { calendarDate } from '$lib/server/validation';
import type { PageServerLoad } from './$types';

const period = z.object({ from: calendarDate(), to: calendarDate() }).refine((p) => p.from <= p.to);

export const load: PageServerLoad = async ({ params, url }) => {
	const { household } = await requireMember(params.hid);
	const today = todayIn(household.timezone);
	const sixMonthsBack = format(addMonths(new Date(`${today.slice(0, 7)}-01T12:00:00`), -5), 'yyyy-MM-dd');
	const asked = period.safeParse({ from: url.searchParams.get('from') ?? sixMonthsBack, to: url.searchParams.get('to') ?? today });
	const { from, to } = asked.success ? asked.data : { from: sixMonthsBack, to: today };
	const [months, members, options] = await Promise.all([
		spendingByMonth(household.id, from, to),
		paidAndOwed(household.id, from, to),
		expenseFormOptions(household.id)
	]);
	return {
		from,
		to,
		invalidPeriod: !asked.success,
		months,
		chart: layoutChart(months),
		members,
		categories: options.categories,
		memberNames: options.members
	};
};
