/** The settings form for the house's default rules: `ordinary_threshold`, `money_quorumPct`, … */
import type { FormAdapter } from '$lib/server/forms';
import { fieldErrors, formValues } from '$lib/server/validation';
import { decisionRules, type DecisionRules } from './schemas';

/** `ordinary.quorumPct` → `ordinary_quorumPct` */
const field = (path: string) => path.replace('.', '_');

export const rulesForm: FormAdapter<DecisionRules> = {
	read(formData) {
		const values = formValues(formData);
		const ruleOf = (purpose: string) => {
			const quorum = (values[`${purpose}_quorumPct`] ?? '').trim().replace(/%$/, '');
			return {
				threshold: values[`${purpose}_threshold`],
				quorumPct: /^\d+$/.test(quorum) ? Number(quorum) : Number.NaN,
				voterClass: values[`${purpose}_voterClass`]
			};
		};
		const parsed = decisionRules.safeParse({ ordinary: ruleOf('ordinary'), money: ruleOf('money') });
		if (parsed.success) return { ok: true, input: parsed.data };
		return { ok: false, errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [field(path), message])) };
	},
	field
};
