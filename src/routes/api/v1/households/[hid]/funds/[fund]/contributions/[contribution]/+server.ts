import { endpoint } from '$lib/server/api/handler';
import { undoContribution } from '$lib/server/api/spec/funds';
import { requireMember } from '$lib/server/households/guard';
import { setContributionDeleted } from '$lib/server/funds/funds';

export const DELETE = endpoint(undoContribution, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	await setContributionDeleted(context, event.params.fund!, event.params.contribution!, true);
	return new Response(null, { status: 204 });
});
