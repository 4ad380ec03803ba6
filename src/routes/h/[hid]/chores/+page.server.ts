import { z } from 'zod';
import { error } from '@sveltejs/kit';
import { parseDay, plusDays, todayIn } from '$lib/dates';
import { outsidePlanningBounds, planningBounds } from '$lib/chores/bounds';
import { dayOrder, viewRange, type CalendarView } from '$lib/chores/views';
import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { actOnOccurrence, choreCalendar, swapOccurrence } from '$lib/server/chores/occurrences';
import { listChores } from '$lib/server/chores/queries';
import { trimMonth } from '$lib/chores/month';
import type { Actions, PageServerLoad } from './$types';

const VIEWS: CalendarView[] = ['agenda', 'week', 'month'];
/** How far back undone chores are still listed as overdue (Home shows the same fortnight). */
const OVERDUE_DAYS = 14;

export const load: PageServerLoad = async ({ params, url }) => {
	const { household, member } = await requireMember(params.hid);
	const today = todayIn(household.timezone);
	const view = VIEWS.find((v) => v === url.searchParams.get('view')) ?? 'week';
	const anchor = parseDay(url.searchParams.get('date')) ?? today;
	const bounds = planningBounds(today);
	const outside = outsidePlanningBounds(today, anchor, anchor);
	if (outside) error(422, { message: outside, code: 'out_of_range' });
	const who = url.searchParams.get('who') ?? 'all';
	const viewed = viewRange(view, anchor);
	// A view around the first or last plannable day shows the plannable part of it.
	const range = { ...viewed, from: viewed.from < bounds.earliest ? bounds.earliest : viewed.from, to: viewed.to > bounds.latest ? bounds.latest : viewed.to };
	const members = await listMembers(household.id);
	const filterId = who === 'mine' ? member.id : members.some((m) => m.id === who) ? who : undefined;
	// The week and agenda around today also list what is still undone from the fortnight before them, as Home does.
	const overdueFrom = plusDays(today, -OVERDUE_DAYS);
	const showsOverdue = view !== 'month' && range.from <= today && range.to >= today && range.from > overdueFrom;
	const [planned, earlier, chores] = await Promise.all([
		choreCalendar(household, range.from, range.to, filterId),
		showsOverdue ? choreCalendar(household, overdueFrom, plusDays(range.from, -1), filterId) : [],
		listChores(household.id)
	]);
	const inOrder = planned.sort(dayOrder);
	const { shown: occurrences, more } = view === 'month' ? trimMonth(inOrder, member.id) : { shown: inOrder, more: {} };
	const overdue = earlier.filter((o) => o.status === 'overdue').sort(dayOrder);
	return {
		view,
		anchor,
		who,
		today,
		range,
		bounds,
		occurrences,
		overdue,
		more,
		chores: chores.map(({ id, name, active }) => ({ id, name, active })),
		members: members.map(({ id, displayName, active }) => ({ id, displayName, active }))
	};
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
		const reason = z.string().trim().min(1, 'Say why it is skipped.').max(500, 'Use at most 500 characters.');
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
