import { shownLinkOrigin } from '$lib/server/origin';
import { formAction, noFields, orErrorPage } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { addAbsence, listAbsences, removeAbsence } from '$lib/server/households/absences';
import { createInvite } from '$lib/server/households/invites';
import { getMember, listMembers, possibleGuardians, updateMember } from '$lib/server/households/members';
import { absenceInput, memberPatch } from '$lib/server/households/schemas';
import { listActivity } from '$lib/server/activity/log';
import { fromForm } from '$lib/server/validation';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const editForm = fromForm(memberPatch.omit({ active: true }));

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const member = await orErrorPage(getMember(household.id, params.mid));
	const [absences, history, members] = await Promise.all([
		listAbsences(household.id, { memberId: member.id }),
		listActivity(household.id, { subjectType: 'member', subjectId: member.id, limit: 20 }),
		listMembers(household.id)
	]);
	// A member without a login may have a guardian: an adult of the house with a login.
	const guardians = member.userId ? undefined : possibleGuardians(members);
	return { member, absences, history, guardians };
};

export const actions: Actions = {
	update: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'update', editForm, (patch) => updateMember(context, params.mid, patch).then(() => true as const));
	},
	leave: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'leave', noFields, () => updateMember(context, params.mid, { active: false }).then(() => true as const));
	},
	rejoin: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'rejoin', noFields, () => updateMember(context, params.mid, { active: true }).then(() => true as const));
	},
	absence: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'absence', fromForm(absenceInput), (input) => addAbsence(context, params.mid, input).then(() => true as const));
	},
	removeAbsence: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'removeAbsence', z.object({ absenceId: z.string() }), ({ absenceId }) =>
			removeAbsence(context, absenceId).then(() => true as const)
		);
	},
	invite: async ({ params, request, url }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'invite', noFields, async () => {
			const member = await getMember(context.household.id, params.mid);
			return (await createInvite(context, { role: member.role, memberId: member.id }, shownLinkOrigin(url.origin))).url;
		});
	}
};
