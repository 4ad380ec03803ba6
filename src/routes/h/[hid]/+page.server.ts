import { requireMember } from '$lib/server/households/guard';
import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { actOnOccurrence } from '$lib/server/chores/occurrences';
import { dashboardOf } from '$lib/server/households/dashboard';
import { markActivitySeen } from '$lib/server/activity/seen';
import { isInstanceAdmin } from '$lib/server/auth/instance-admins';
import { backupStatus } from '$lib/server/backup/schedule';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	// Not the household's: only whoever looks after the server sees how its backups go.
	const backups = isInstanceAdmin(context.user.email) ? await backupStatus() : null;
	return { ...(await dashboardOf(context)), backups };
};

export const actions: Actions = {
	/** One tap on the dashboard: done, by me. */
	complete: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object({ choreId: z.string(), dueOn: z.string() }), ({ choreId, dueOn }) =>
			actOnOccurrence(context, choreId, dueOn, { kind: 'complete' })
		);
	},
	/** Leaving Home (sent by the page) or "Got it": what was shown counts as seen. */
	seen: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'seen', z.object({ through: z.coerce.number().int().min(0) }), ({ through }) =>
			markActivitySeen(context, through).then(() => true as const)
		);
	}
};
