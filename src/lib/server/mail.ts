import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { log } from './observability/log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** The same message for mail programs that show HTML; the text part is always there. */
	html?: string;
	/** Extra headers (List-Unsubscribe on notifications). */
	headers?: Record<string, string>;
	/** A stable id (a notification's), so a mail program can tell a resend from a new message. */
	messageId?: string;
}

let transporter: { url: string; transport: Transporter } | undefined;

/**
 * Sends through SMTP_URL when set. Without it the message is saved as a file under
 * MAIL_DIR (default `.data/mail`), so a self-hoster with no mail server can still follow a
 * reset link; never to the log, where a reset token would outlive its use.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const smtp = process.env.SMTP_URL;
	if (!smtp) {
		const directory = resolve(process.env.MAIL_DIR ?? '.data/mail');
		await mkdir(directory, { recursive: true, mode: 0o700 });
		const file = join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.txt`);
		const headers = Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}\n`);
		await writeFile(file, `To: ${mail.to}\nSubject: ${mail.subject}\n${headers.join('')}\n${mail.text}`, { mode: 0o600 });
		log.info({ file }, `[mail] SMTP_URL is not set: "${mail.subject}" was not sent; it is saved in a file`);
		return;
	}
	if (transporter?.url !== smtp) transporter = { url: smtp, transport: nodemailer.createTransport(smtp) };
	await transporter.transport.sendMail({ from: process.env.MAIL_FROM ?? 'Hearth <hearth@localhost>', ...mail });
}
