import { z } from 'zod';
import { error } from '@sveltejs/kit';
import { parseDay, todayIn } from '$lib/dates';
import { outsidePlanningBounds } from '$lib/chores/bounds';
import type { CalendarView } from '$lib/chores/views';
import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { actOnOccurrence, swapOccurrence } from '$lib/server/chores/occurrences';
import { calendarPage } from '$lib/server/chores/calendar-page';
import { m } from '$lib/paraglide/messages';
import { firstDayOfWeek } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';

const VIEWS: CalendarView[] = ['agenda', 'week', 'month'];

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const context = await requireMember(params.hid);
	const today = todayIn(context.household.timezone);
	const view = VIEWS.find((v) => v === url.searchParams.get('view')) ?? 'week';
	const anchor = parseDay(url.searchParams.get('date')) ?? today;
	const outside = outsidePlanningBounds(today, anchor, anchor);
	if (outside) error(422, { message: outside, code: 'out_of_range' });
	return calendarPage(context, { view, anchor, who: url.searchParams.get('who') ?? 'all', weekStartsOn: firstDayOfWeek(locals.formatLocale) });
};

const target = { choreId: z.string(), dueOn: z.string() };

export const actions: Actions = {
	complete: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object({ ...target, doneByMemberId: z.string().optional() }), ({ choreId, dueOn, doneByMemberId }) =>
			actOnOccurrence(context, choreId, dueOn, { kind: 'complete', doneByMemberId: doneByMemberId || undefined })
		);
	},
	undo: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object(target), ({ choreId, dueOn }) => actOnOccurrence(context, choreId, dueOn, { kind: 'undo' }));
	},
	skip: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const reason = z
			.string()
			.trim()
			.min(1, { error: () => m.occ_skip_reason_required() })
			.max(500, { error: () => m.too_long({ max: 500 }) });
		return formAction(request, 'occurrence', z.object({ ...target, reason }), ({ choreId, dueOn, reason }) =>
			actOnOccurrence(context, choreId, dueOn, { kind: 'skip', reason })
		);
	},
	swap: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object({ ...target, memberId: z.string() }), ({ choreId, dueOn, memberId }) =>
			swapOccurrence(context, choreId, dueOn, memberId)
		);
	},
	reassign: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object({ ...target, memberId: z.string() }), ({ choreId, dueOn, memberId }) =>
			actOnOccurrence(context, choreId, dueOn, { kind: 'reassign', memberId })
		);
	}
};
