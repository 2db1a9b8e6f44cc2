import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(msg: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; nodemailer also reads options from the query string. */
  smtpUrl?: string;
  from: string;
  log: { info(obj: object, msg?: string): void };
}

export function createMailer(opts: MailerOptions): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl, { from: opts.from });
    return {
      async send(msg) {
        const info = await transport.sendMail({ ...msg });
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  // Without SMTP (the embedded demo, a first trial run) nothing is sent. The message is logged instead, so
  // the administrator still sees invitation and password-reset links in the server log and can pass them on.
  const transport = nodemailer.createTransport({ jsonTransport: true }, { from: opts.from });
  return {
    async send(msg) {
      const info = await transport.sendMail({ ...msg });
      opts.log.info(
        { mail: { messageId: info.messageId, to: msg.to, subject: msg.subject, text: msg.text } },
        'mail not sent (no SMTP_URL configured); logged instead',
      );
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
