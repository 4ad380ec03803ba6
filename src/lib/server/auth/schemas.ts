import { z } from 'zod';
import { singleLineText } from '$lib/server/validation';

export const emailField = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter your email address.')
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter an email address like name@example.com.' }))
	.meta({ example: 'sam@example.com' });

export const newPasswordField = z.string({ error: 'Choose a password.' }).min(8, 'Use at least 8 characters.').max(256, 'Use at most 256 characters.');

export const displayNameField = singleLineText('Enter a name.');

export const signUpInput = z.object({ email: emailField, password: newPasswordField, displayName: displayNameField }).meta({ id: 'SignUpInput' });

export const logInInput = z
	.object({
		email: emailField,
		password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(256, 'That password is too long.')
	})
	.meta({ id: 'LogInInput' });

export const passwordResetRequestInput = z.object({ email: emailField });

export const passwordResetInput = z
	.object({ password: newPasswordField, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const changePasswordInput = z
	.object({ current: z.string().min(1, 'Enter your current password.').max(256), password: newPasswordField, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export type SignUpInput = z.infer<typeof signUpInput>;
