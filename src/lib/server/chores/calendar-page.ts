/**
 * The chore calendar page (agenda, week, month): what it shows for one member, view and
 * day, kept by the household cache until anything of the house changes or the day turns.
 */
import { atLocalTime, clockIn, daysBetween, plusDays, todayIn } from '$lib/dates';
import { bookingsByDay } from '$lib/commons/timeline';
import { bookingsBetween } from '$lib/server/commons/bookings';
import { mealsOnCalendar, type CalendarMeal } from '$lib/server/meals/meals';
import { planningBounds } from '$lib/chores/bounds';
import { dayOrder, viewRange, type CalendarView } from '$lib/chores/views';
import type { WeekStart } from '$lib/i18n/locales';
import { trimMonth } from '$lib/chores/month';
import type { MemberContext } from '$lib/server/households/context';
import { keptForHousehold } from '$lib/server/households/household-cache';
import { listMembers } from '$lib/server/households/members';
import { choreCalendar } from './occurrences';
import { listChores } from './queries';

/** How far back undone chores are still listed as overdue (Home shows the same fortnight). */
const OVERDUE_DAYS = 14;

export interface CalendarQuery {
	view: CalendarView;
	/** A day within the planning bounds (the route refuses others). */
	anchor: string;
	/** 'all', 'mine' or a member's id. */
	who: string;
	/** Where the reader's week starts (their locale): the week and month views begin there. */
	weekStartsOn: WeekStart;
}

export function calendarPage(context: MemberContext, query: CalendarQuery) {
	const { view, anchor, who, weekStartsOn } = query;
	return keptForHousehold(context.household, `calendar|${context.member.id}|${view}|${anchor}|${who}|${weekStartsOn}`, () => readCalendarPage(context, query));
}

async function readCalendarPage({ household, member }: MemberContext, { view, anchor, who, weekStartsOn }: CalendarQuery) {
	const today = todayIn(household.timezone);
	const bounds = planningBounds(today);
	const viewed = viewRange(view, anchor, weekStartsOn);
	// A view around the first or last plannable day shows the plannable part of it.
	const range = { ...viewed, from: viewed.from < bounds.earliest ? bounds.earliest : viewed.from, to: viewed.to > bounds.latest ? bounds.latest : viewed.to };
	const members = await listMembers(household.id);
	const filterId = who === 'mine' ? member.id : members.some((m) => m.id === who) ? who : undefined;
	// The week and agenda around today also list what is still undone from the fortnight before them, as Home does.
	const overdueFrom = plusDays(today, -OVERDUE_DAYS);
	const showsOverdue = view !== 'month' && range.from <= today && range.to >= today && range.from > overdueFrom;
	const [dayStart, dayAfter] = [atLocalTime(range.from, '00:00', household.timezone), atLocalTime(plusDays(range.to, 1), '00:00', household.timezone)];
	const [planned, earlier, chores, booked, meals] = await Promise.all([
		choreCalendar(household, range.from, range.to, filterId),
		showsOverdue ? choreCalendar(household, overdueFrom, plusDays(range.from, -1), filterId) : [],
		listChores(household.id),
		// The agenda and the week show the shared things' bookings beside the chores.
		view === 'month' ? [] : bookingsBetween(household.id, dayStart, dayAfter, filterId),
		// And the common meals (those the member cooks or eats at, when the view is theirs).
		view === 'month' ? [] : mealsOnCalendar(household.id, dayStart, dayAfter, filterId)
	]);
	const inOrder = [...planned].sort(dayOrder);
	// The month draws a dot per chore: it gets only what a dot and its label need.
	const month = view === 'month' ? trimMonth(inOrder, member.id) : undefined;
	const dots = (month?.shown ?? []).map(({ choreId, choreName, dueOn, assigneeMemberId, status }) => ({ choreId, choreName, dueOn, assigneeMemberId, status }));
	const overdue = earlier.filter((o) => o.status === 'overdue').sort(dayOrder);
	return {
		view,
		anchor,
		who,
		weekStartsOn,
		today,
		range,
		bounds,
		occurrences: month ? [] : inOrder,
		dots,
		overdue,
		bookings: bookingsByDay(booked, range.from, daysBetween(range.from, range.to) + 1, household.timezone),
		meals: mealsByDay(meals, household.timezone),
		more: month?.more ?? {},
		chores: chores.map(({ id, name, active }) => ({ id, name, active })),
		members: members.map(({ id, displayName, active }) => ({ id, displayName, active }))
	};
}

/** The meals of each day on the house's clock, with the time each is served. */
function mealsByDay(meals: CalendarMeal[], timezone: string): Record<string, Array<{ id: string; menu: string; time: string }>> {
	const days: Record<string, Array<{ id: string; menu: string; time: string }>> = {};
	for (const meal of meals) (days[todayIn(timezone, meal.servedAt)] ??= []).push({ id: meal.id, menu: meal.menu, time: clockIn(timezone, meal.servedAt) });
	return days;
}
