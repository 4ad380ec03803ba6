/**
 * The spending overview: per month and category, and what each member paid and owes,
 * over a chosen period. Summed by Postgres; the chart's geometry is laid out here on the
 * server with d3-scale, so the page ships no chart code at all.
 */
import { sql } from 'kysely';
import { scaleBand, scaleLinear } from 'd3-scale';
import { getDb } from '$lib/server/db';

export interface MonthTotals {
	month: string;
	byCategory: Record<string, number>;
	totalMinor: number;
}

export async function spendingByMonth(householdId: string, from: string, to: string): Promise<MonthTotals[]> {
	const { rows } = await sql<{ month: string; category: string; total: string }>`
		select to_char(spent_on, 'YYYY-MM') as month, category, sum(amount_minor) as total
		from expenses
		where household_id = ${householdId} and deleted_at is null and spent_on between ${from} and ${to}
		group by 1, 2 order by 1, 2`.execute(getDb());
	const months = new Map<string, MonthTotals>();
	for (const row of rows) {
		const entry = months.get(row.month) ?? { month: row.month, byCategory: {}, totalMinor: 0 };
		entry.byCategory[row.category] = Number(row.total);
		entry.totalMinor += Number(row.total);
		months.set(row.month, entry);
	}
	return [...months.values()];
}

export async function paidAndOwed(householdId: string, from: string, to: string): Promise<Array<{ memberId: string; paidMinor: number; owedMinor: number }>> {
	const { rows } = await sql<{ memberId: string; paid: string; owed: string }>`
		with live as (select id from expenses where household_id = ${householdId} and deleted_at is null and spent_on between ${from} and ${to})
		select m.id as member_id,
			coalesce((select sum(p.amount_minor) from expense_payers p where p.household_id = ${householdId} and p.member_id = m.id and p.expense_id in (select id from live)), 0) as paid,
			coalesce((select sum(s.amount_minor) from expense_shares s where s.household_id = ${householdId} and s.member_id = m.id and s.expense_id in (select id from live)), 0) as owed
		from members m where m.household_id = ${householdId}
		order by m.display_name`.execute(getDb());
	return rows.map((r) => ({ memberId: r.memberId, paidMinor: Number(r.paid), owedMinor: Number(r.owed) })).filter((r) => r.paidMinor || r.owedMinor);
}

export interface StackedBarChart {
	width: number;
	height: number;
	bars: Array<{ x: number; width: number; label: string; segments: Array<{ y: number; height: number; category: string }> }>;
	ticks: Array<{ y: number; valueMinor: number }>;
	categories: string[];
}

/** Months across, stacked categories up; y ticks on "nice" amounts. */
export function layoutChart(months: MonthTotals[], width = 480, height = 300): StackedBarChart {
	const margin = { top: 10, right: 6, bottom: 34, left: 84 };
	const categories = [...new Set(months.flatMap((m) => Object.keys(m.byCategory)))].sort();
	const x = scaleBand<string>()
		.domain(months.map((m) => m.month))
		.range([margin.left, width - margin.right])
		.padding(0.2);
	const y = scaleLinear()
		.domain([0, Math.max(1, ...months.map((m) => m.totalMinor))])
		.nice()
		.range([height - margin.bottom, margin.top]);
	const bars = months.map((m) => {
		let base = 0;
		const segments = categories
			.filter((c) => m.byCategory[c])
			.map((category) => {
				const value = m.byCategory[category]!;
				const segment = { y: y(base + value), height: y(base) - y(base + value), category };
				base += value;
				return segment;
			});
		return { x: x(m.month) ?? 0, width: x.bandwidth(), label: m.month, segments };
	});
	return { width, height, bars, ticks: y.ticks(5).map((value) => ({ y: y(value), valueMinor: value })), categories };
}
