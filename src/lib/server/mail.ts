import nodemailer, { type Transporter } from 'nodemailer';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

let transporter: Transporter | undefined;

/**
 * Sends through SMTP_URL when set. Without it the message goes to the server log, so a
 * self-hoster with no mail server can still follow a reset link.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const smtp = process.env.SMTP_URL;
	if (!smtp) {
		console.log(`[mail] SMTP_URL is not set; this message was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
		return;
	}
	transporter ??= nodemailer.createTransport(smtp);
	await transporter.sendMail({ from: process.env.MAIL_FROM ?? 'Hearth <hearth@localhost>', ...mail });
}
