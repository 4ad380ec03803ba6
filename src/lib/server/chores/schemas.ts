import { STRATEGIES } from '$lib/chores/model';
import { daysBetween } from '$lib/dates';
import { z } from 'zod';
import { calendarDate, dayOfMonthNumber, freeText, singleLineText, versionField, weekdayNumber, wholeNumber } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const effortField = wholeNumber(1, 5, { missing: () => m.v_effort(), range: () => m.v_effort_range() });

export const choreScheduleInput = z
	.object({
		kind: z.enum(['daily', 'weekly', 'monthly', 'after'], { error: () => m.v_chore_kind() }),
		interval: wholeNumber(1, 365, { missing: () => m.v_chore_interval() }).default(1),
		weekdays: z.array(weekdayNumber()).max(7).optional(),
		dayOfMonth: dayOfMonthNumber(() => m.v_day_pick()).optional(),
		nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], { error: () => m.v_nth() }).optional(),
		weekday: weekdayNumber().optional(),
		startOn: calendarDate(),
		endOn: calendarDate().optional(),
		time: z
			.string()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.v_time_format() })
			.optional()
	})
	.refine((s) => s.kind !== 'weekly' || (s.weekdays?.length ?? 0) > 0, { path: ['weekdays'], error: () => m.v_weekday_one() })
	.refine((s) => s.kind !== 'monthly' || s.dayOfMonth !== undefined || (s.nth !== undefined && s.weekday !== undefined), {
		path: ['dayOfMonth'],
		error: () => m.v_monthly_day()
	})
	.refine((s) => !s.endOn || s.endOn >= s.startOn, { path: ['endOn'], error: () => m.v_end_before_start() })
	.meta({ id: 'ChoreSchedule' });

export const choreInput = z
	.object({
		name: singleLineText(() => m.v_chore_name()),
		description: freeText(2000).optional(),
		effort: effortField.default(1),
		schedule: choreScheduleInput,
		assignment: z.object({
			strategy: z.enum(STRATEGIES, { error: () => m.v_strategy() }),
			memberIds: z
				.array(z.uuid({ error: () => m.v_members_pick() }))
				.max(50, { error: () => m.v_at_most({ max: 50 }) })
				.default([])
		})
	})
	.refine((c) => c.assignment.strategy === 'open' || c.assignment.memberIds.length > 0, {
		path: ['assignment', 'memberIds'],
		error: () => m.v_chore_who()
	})
	.refine((c) => new Set(c.assignment.memberIds).size === c.assignment.memberIds.length, {
		path: ['assignment', 'memberIds'],
		error: () => m.v_each_once()
	})
	.meta({ id: 'ChoreInput' });

export const chorePatch = z
	.object({
		name: singleLineText(() => m.v_chore_name()).optional(),
		description: freeText(2000).optional(),
		effort: effortField.optional(),
		schedule: choreScheduleInput.optional(),
		assignment: z.object({ strategy: z.enum(STRATEGIES), memberIds: z.array(z.uuid()).max(50) }).optional(),
		active: z.boolean().optional(),
		version: versionField()
	})
	.meta({ id: 'ChorePatch' });

export const calendarQuery = z
	.object({
		from: calendarDate(),
		to: calendarDate(),
		memberId: z.uuid({ error: () => m.v_not_member_id() }).optional()
	})
	.refine((q) => q.from <= q.to, { path: ['to'], error: () => m.v_last_before_first() })
	.refine((q) => daysBetween(q.from, q.to) <= 370, { path: ['to'], error: () => m.v_year_at_most() });

export type ChoreInput = z.infer<typeof choreInput>;
export type ChorePatch = z.infer<typeof chorePatch>;
