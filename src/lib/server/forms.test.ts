import { describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError } from './errors';
import { formAction, noFields, refusedAnswer, type FormAdapter } from './forms';

const post = (fields: Record<string, string | string[]>) => {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(key, one);
	return new Request('http://localhost/x', { method: 'POST', body });
};

const nameForm = z.object({ name: z.string().min(1, 'Name it.') });

describe('formAction, the one form convention', () => {
	it('bad input: 400 under the form’s name, what was typed kept, the domain never called', async () => {
		const run = vi.fn();
		const answer = await formAction(post({ name: '', note: 'kept' }), 'add', nameForm, run);
		expect(run).not.toHaveBeenCalled();
		expect(isActionFailure(answer) && answer.status).toBe(400);
		expect(refusedAnswer(answer, 'add')).toEqual({ values: { name: '', note: 'kept' }, errors: { name: 'Name it.' } });
	});

	it('a domain refusal: its status, its field messages under the form’s names, or one message above the form', async () => {
		const adapter: FormAdapter<{ name: string }> = {
			read: (formData) => ({ ok: true, input: { name: String(formData.get('name')) } }),
			field: (path) => path.replace(/^schedule\./, '')
		};
		const withField = await formAction(post({ name: 'x' }), 'save', adapter, async () => {
			throw new DomainError(422, 'rule_broken', 'Too early.', { 'schedule.startOn': 'Start it later.' });
		});
		expect(isActionFailure(withField) && withField.status).toBe(422);
		expect(refusedAnswer(withField, 'save')?.errors).toEqual({ startOn: 'Start it later.' });
		const whole = await formAction(post({ name: 'x' }), 'save', adapter, async () => {
			throw new DomainError(404, 'not_found', 'That chore is not there.');
		});
		expect(refusedAnswer(whole, 'save')).toEqual({ values: { name: 'x' }, errors: { form: 'That chore is not there.' } });
	});

	it('a conflict: what changed above the form, and the version saved now', async () => {
		const answer = await formAction(post({ name: 'mine' }), 'save', nameForm, async () => {
			throw Object.assign(new DomainError(409, 'stale_version', 'Someone renamed it “theirs”.', { version: 'Changed since you opened it.' }), {
				currentVersion: 4
			});
		});
		expect(refusedAnswer(answer, 'save')).toMatchObject({ values: { name: 'mine' }, currentVersion: 4, errors: { form: 'Someone renamed it “theirs”.' } });
	});

	it('a save: what the domain returned, and a fresh form (a preview keeps what was typed)', async () => {
		expect(await formAction(post({ name: 'Bins' }), 'add', nameForm, async ({ name }) => name.length)).toEqual({ add: { values: {}, errors: {}, saved: 4 } });
		expect(await formAction(post({ name: 'Bins' }), 'preview', nameForm, async () => true, { keepValues: true })).toEqual({
			preview: { values: { name: 'Bins' }, errors: {}, saved: true }
		});
		expect(await formAction(post({}), 'close', noFields, async () => 'closed')).toEqual({ close: { values: {}, errors: {}, saved: 'closed' } });
	});

	it('lets a redirect through, and any other error too', async () => {
		const redirected = await formAction(post({ name: 'x' }), 'add', nameForm, async () => redirect(303, '/next')).catch((thrown: unknown) => thrown);
		expect(isRedirect(redirected)).toBe(true);
		await expect(formAction(post({ name: 'x' }), 'add', nameForm, async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
	});
});
