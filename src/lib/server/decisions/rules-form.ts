/** The settings form for the house's default rules: `ordinary_threshold`, `money_quorumPct`, … */
import { fieldErrors, formValues } from '$lib/server/validation';
import { decisionRules, type DecisionRules } from './schemas';

type Read = { ok: true; rules: DecisionRules } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

export function readRulesForm(formData: FormData): Read {
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
	if (parsed.success) return { ok: true, rules: parsed.data };
	return {
		ok: false,
		errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [path.replace('.', '_'), message])),
		values
	};
}
