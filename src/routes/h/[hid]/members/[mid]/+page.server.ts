import { shownLinkOrigin } from '$lib/server/origin';
import { orErrorPage, submitForm } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { addAbsence, listAbsences, removeAbsence } from '$lib/server/households/absences';
import { createInvite } from '$lib/server/households/invites';
import { getMember, updateMember } from '$lib/server/households/members';
import { absenceInput, memberPatch } from '$lib/server/households/schemas';
import { listActivity } from '$lib/server/activity/log';
import { fromForm } from '$lib/server/validation';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const editForm = fromForm(memberPatch.omit({ active: true }));
const noFields = z.object({});

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const member = await orErrorPage(getMember(household.id, params.mid));
	const [absences, history] = await Promise.all([
		listAbsences(household.id, { memberId: member.id }),
		listActivity(household.id, { subjectType: 'member', subjectId: member.id, limit: 20 })
	]);
	return { member, absences, history };
};

export const actions: Actions = {
	update: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, editForm, async (patch) => {
			await updateMember(context, params.mid, patch);
			return { saved: true };
		});
	},
	leave: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, noFields, async () => {
			await updateMember(context, params.mid, { active: false });
			return { saved: true };
		});
	},
	rejoin: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, noFields, async () => {
			await updateMember(context, params.mid, { active: true });
			return { saved: true };
		});
	},
	absence: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, fromForm(absenceInput), async (input) => {
			await addAbsence(context, params.mid, input);
			return { absenceAdded: true };
		});
	},
	removeAbsence: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({ absenceId: z.string() }), async ({ absenceId }) => {
			await removeAbsence(context, absenceId);
			return { absenceRemoved: true };
		});
	},
	invite: async ({ params, request, url }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, noFields, async () => {
			const member = await getMember(context.household.id, params.mid);
			const invite = await createInvite(context, { role: member.role, memberId: member.id }, shownLinkOrigin(url.origin));
			return { inviteUrl: invite.url };
		});
	}
};
