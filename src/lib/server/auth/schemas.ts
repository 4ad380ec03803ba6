import { z } from 'zod';
import { singleLineText } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

export const emailField = z
	.string({ error: () => m.v_email_enter() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.v_email_enter() })
	.max(254, { error: () => m.v_email_too_long() })
	.pipe(z.email({ error: () => m.v_email_like() }))
	.meta({ example: 'sam@example.com' });

export const newPasswordField = z
	.string({ error: () => m.v_password_choose() })
	.min(8, { error: () => m.v_password_min() })
	.max(256, { error: () => m.too_long({ max: 256 }) });

export const displayNameField = singleLineText(() => m.v_name_enter());

export const signUpInput = z.object({ email: emailField, password: newPasswordField, displayName: displayNameField }).meta({ id: 'SignUpInput' });

export const logInInput = z
	.object({
		email: emailField,
		password: z
			.string({ error: () => m.v_password_enter() })
			.min(1, { error: () => m.v_password_enter() })
			.max(256, { error: () => m.v_password_too_long() })
	})
	.meta({ id: 'LogInInput' });

export const passwordResetRequestInput = z.object({ email: emailField });

export const passwordResetInput = z
	.object({ password: newPasswordField, confirm: z.string() })
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.v_passwords_differ() });

export const changePasswordInput = z
	.object({
		current: z
			.string()
			.min(1, { error: () => m.v_password_current() })
			.max(256),
		password: newPasswordField,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.v_passwords_differ() });

export type SignUpInput = z.infer<typeof signUpInput>;
