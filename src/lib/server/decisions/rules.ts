/**
 * The house's default decision rules, one for ordinary proposals and one for proposals
 * that spend money. Until an admin sets them: a simple majority of everyone for
 * ordinary matters; two thirds of the adults, with a 60% quorum, for money.
 */
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import type { DecisionRule, DecisionRules } from './schemas';

export const BUILT_IN_RULES: DecisionRules = {
	ordinary: { threshold: 'majority', quorumPct: 50, voterClass: 'all' },
	money: { threshold: 'two_thirds', quorumPct: 60, voterClass: 'adults' }
};

export async function getDecisionRules(householdId: string): Promise<DecisionRules> {
	const rows = await getDb()
		.selectFrom('decisionRules')
		.select(['purpose', 'threshold', 'quorumPct', 'voterClass'])
		.where('householdId', '=', householdId)
		.execute();
	const rules = structuredClone(BUILT_IN_RULES);
	for (const { purpose, ...rule } of rows) rules[purpose] = rule;
	return rules;
}

export async function setDecisionRules(context: MemberContext, rules: DecisionRules): Promise<void> {
	const householdId = context.household.id;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			for (const purpose of ['ordinary', 'money'] as const) {
				const rule: DecisionRule = rules[purpose];
				await trx
					.insertInto('decisionRules')
					.values({ householdId, purpose, ...rule })
					.onConflict((oc) => oc.columns(['householdId', 'purpose']).doUpdateSet({ ...rule, updatedAt: new Date() }))
					.execute();
			}
			await audit(trx, context, {
				action: 'household.decision_rules_changed',
				subjectType: 'household',
				subjectId: householdId,
				facts: { actor: context.member.displayName }
			});
		});
}
