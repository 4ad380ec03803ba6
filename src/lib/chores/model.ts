/**
 * The chores domain's words and shapes, once: how a chore is given out, its schedule kinds,
 * an occurrence's statuses, the labels people read for them, and the schemas of a chore and
 * an occurrence as the domain returns them and the API serves them.
 */
import { z } from 'zod';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import { dayField, idField } from '$lib/schema-fields';

export const STRATEGIES = ['rotate', 'fair', 'fixed', 'open'] as const;
export const SCHEDULE_KINDS = ['daily', 'weekly', 'monthly', 'after'] as const;
export const OCCURRENCE_STATUSES = ['pending', 'done', 'skipped'] as const;

export type Strategy = (typeof STRATEGIES)[number];
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const STRATEGY_LABELS = labelsOf<Strategy>({
	rotate: m.strategy_rotate,
	fair: m.strategy_fair,
	fixed: m.strategy_fixed,
	open: m.strategy_open
});

export const choreScheduleSchema = /* @__PURE__ */ z
	.object({
		kind: z.enum(SCHEDULE_KINDS),
		interval: z.number().int().meta({ description: 'Every N days, weeks or months; for `after`, N days after the last completion' }),
		weekdays: z.array(z.number().int()).optional().meta({ description: 'weekly: ISO weekdays, 1 = Monday … 7 = Sunday' }),
		dayOfMonth: z.number().int().nullable().optional().meta({ description: 'monthly: day 1–31 (clamped to the month’s last day) …' }),
		nth: z.number().int().nullable().optional().meta({ description: '… or the nth weekday of the month (1–4, or -1 for the last)' }),
		weekday: z.number().int().nullable().optional(),
		startOn: dayField,
		endOn: dayField.nullable().optional(),
		time: z.string().nullable().optional().meta({ description: 'HH:MM in the household’s time zone, or none for any time that day' })
	})
	.meta({ id: 'ChoreSchedule' });

export const choreSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		name: z.string(),
		description: z.string(),
		effort: z.number().int(),
		schedule: choreScheduleSchema,
		assignment: z.object({ strategy: z.enum(STRATEGIES), memberIds: z.array(idField).meta({ description: 'Participants in turn order' }) }),
		active: z.boolean(),
		version: z.number().int()
	})
	.meta({ id: 'Chore' });

/** An occurrence as the calendar, the API and the pages show it. */
export const occurrenceSchema = /* @__PURE__ */ z
	.object({
		choreId: idField,
		choreName: z.string(),
		dueOn: dayField,
		assigneeMemberId: idField.nullable(),
		status: z.enum([...OCCURRENCE_STATUSES, 'overdue']).meta({ description: '`overdue`: pending, and its day has passed in the household’s time zone' }),
		doneByMemberId: idField.nullable(),
		doneAt: z.string().nullable(),
		effort: z.number().int(),
		time: z.string().nullable()
	})
	.meta({ id: 'Occurrence' });

export type ChoreSchedule = z.infer<typeof choreScheduleSchema>;
export type Chore = z.infer<typeof choreSchema>;
export type CalendarOccurrence = z.infer<typeof occurrenceSchema>;
