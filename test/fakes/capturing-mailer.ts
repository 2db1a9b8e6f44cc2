import type { Mailer, MailMessage } from '../../src/platform/mail.ts';

/** Keeps sent mail in memory so a test can read an invitation link; SMTP itself is tested in mail.test.ts. */
export function createCapturingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(msg) {
      sent.push(msg);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {
      sent.length = 0;
    },
  };
}
