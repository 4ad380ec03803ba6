import { STRATEGIES } from '$lib/chores/model';
import { daysBetween } from '$lib/dates';
import { z } from 'zod';
import { calendarDate, freeText, singleLineText } from '$lib/server/validation';

const weekday = z
	.number({ error: 'Choose a weekday from 1 (Monday) to 7 (Sunday).' })
	.int()
	.min(1, 'From 1 (Monday) to 7 (Sunday).')
	.max(7, 'From 1 (Monday) to 7 (Sunday).');

export const choreScheduleInput = z
	.object({
		kind: z.enum(['daily', 'weekly', 'monthly', 'after'], { error: 'Choose daily, weekly, monthly or after.' }),
		interval: z
			.number({ error: 'Say every how many days, weeks or months.' })
			.int('Use a whole number.')
			.min(1, 'At least 1.')
			.max(365, 'At most 365.')
			.default(1),
		weekdays: z.array(weekday).max(7).optional(),
		dayOfMonth: z.number({ error: 'Choose a day from 1 to 31.' }).int().min(1, 'From 1 to 31.').max(31, 'From 1 to 31.').optional(),
		nth: z
			.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], { error: 'Choose the first, second, third, fourth or last.' })
			.optional(),
		weekday: weekday.optional(),
		startOn: calendarDate('start'),
		endOn: calendarDate('end').optional(),
		time: z
			.string()
			.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, like 19:00.')
			.optional()
	})
	.refine((s) => s.kind !== 'weekly' || (s.weekdays?.length ?? 0) > 0, { path: ['weekdays'], message: 'Choose at least one weekday.' })
	.refine((s) => s.kind !== 'monthly' || s.dayOfMonth !== undefined || (s.nth !== undefined && s.weekday !== undefined), {
		path: ['dayOfMonth'],
		message: 'Choose a day of the month, or which weekday of the month.'
	})
	.refine((s) => !s.endOn || s.endOn >= s.startOn, { path: ['endOn'], message: 'The end cannot be before the start.' })
	.meta({ id: 'ChoreSchedule' });

export const choreInput = z
	.object({
		name: singleLineText('Name the chore.'),
		description: freeText(2000).optional(),
		effort: z.number({ error: 'Give the effort from 1 to 5.' }).int('Use a whole number.').min(1, 'From 1 to 5.').max(5, 'From 1 to 5.').default(1),
		schedule: choreScheduleInput,
		assignment: z.object({
			strategy: z.enum(STRATEGIES, { error: 'Choose rotate, fair, fixed or open.' }),
			memberIds: z
				.array(z.uuid({ error: 'Choose members of the household.' }))
				.max(50, 'At most 50 people.')
				.default([])
		})
	})
	.refine((c) => c.assignment.strategy === 'open' || c.assignment.memberIds.length > 0, {
		path: ['assignment', 'memberIds'],
		message: 'Choose who does this chore.'
	})
	.refine((c) => new Set(c.assignment.memberIds).size === c.assignment.memberIds.length, {
		path: ['assignment', 'memberIds'],
		message: 'List each person once.'
	})
	.meta({ id: 'ChoreInput' });

export const chorePatch = z
	.object({
		name: singleLineText('Name the chore.').optional(),
		description: freeText(2000).optional(),
		effort: z.number({ error: 'Give the effort from 1 to 5.' }).int().min(1, 'From 1 to 5.').max(5, 'From 1 to 5.').optional(),
		schedule: choreScheduleInput.optional(),
		assignment: z.object({ strategy: z.enum(STRATEGIES), memberIds: z.array(z.uuid()).max(50) }).optional(),
		active: z.boolean().optional(),
		version: z.number({ error: 'Send the version you edited.' }).int().min(1, 'Send the version you edited.')
	})
	.meta({ id: 'ChorePatch' });

export const calendarQuery = z
	.object({
		from: calendarDate('first'),
		to: calendarDate('last'),
		memberId: z.uuid({ error: 'Not a member id.' }).optional()
	})
	.refine((q) => q.from <= q.to, { path: ['to'], message: 'The last day cannot be before the first.' })
	.refine((q) => daysBetween(q.from, q.to) <= 370, { path: ['to'], message: 'Ask for at most a year at a time.' });

export type ChoreInput = z.infer<typeof choreInput>;
export type ChorePatch = z.infer<typeof chorePatch>;
