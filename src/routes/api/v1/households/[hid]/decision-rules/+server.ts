import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { getDecisionRules, setDecisionRules } from '$lib/server/api/spec/decisions';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as rules from '$lib/server/decisions/rules';

export const GET = endpoint(getDecisionRules, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await rules.getDecisionRules(household.id));
});

export const PUT = endpoint(setDecisionRules, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	await rules.setDecisionRules(context, body);
	return json(await rules.getDecisionRules(context.household.id));
});
