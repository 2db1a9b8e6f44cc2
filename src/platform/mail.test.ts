import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mail.ts';

interface Received {
  from: string | false;
  to: string[];
  user: string | undefined;
  raw: string;
}

const silent = { info: () => undefined };

describe('mailer over SMTP', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      // Plain SMTP on loopback: no STARTTLS offered, so the client does not try to verify a certificate.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, cb) {
        if (auth.username === 'chorus' && auth.password === 's3cret/pw') cb(null, { user: auth.username });
        else cb(new Error('invalid credentials'));
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom === false ? false : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
      logger: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers the message with recipient, subject and body, authenticating with the URL credentials', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://chorus:${encodeURIComponent('s3cret/pw')}@127.0.0.1:${port}`,
      from: 'Chorus <chorus@example.test>',
      log: silent,
    });
    try {
      const link = 'http://localhost:3000/invite/abc123';
      const { messageId } = await mailer.send({
        to: 'ada@example.test',
        subject: 'You are invited to Chorus',
        text: `Hello Ada,\r\nopen ${link} to join.`,
        html: `<p>Hello Ada, open <a href="${link}">the invitation</a>.</p>`,
      });
      expect(messageId).toMatch(/^<.+@.+>$/);
      expect(received).toHaveLength(1);
      const msg = received[0]!;
      expect(msg.user).toBe('chorus');
      expect(msg.from).toBe('chorus@example.test');
      expect(msg.to).toEqual(['ada@example.test']);
      expect(msg.raw).toMatch(/^Subject: You are invited to Chorus\r$/m);
      expect(msg.raw).toMatch(/^To: ada@example\.test\r$/m);
      expect(msg.raw).toContain(`Message-ID: ${messageId}`);
      expect(msg.raw).toContain(`open ${link} to join.`);
      expect(msg.raw).toContain('multipart/alternative');
    } finally {
      mailer.close();
    }
  });

  it('rejects when the server refuses the credentials', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://chorus:wrong@127.0.0.1:${port}`,
      from: 'chorus@example.test',
      log: silent,
    });
    try {
      await expect(mailer.send({ to: 'x@example.test', subject: 's', text: 't' })).rejects.toThrow(
        /auth|credentials/i,
      );
    } finally {
      mailer.close();
    }
  });
});

describe('mailer over implicit TLS (smtps)', () => {
  it('delivers through a TLS connection, with TLS options from the URL query', async () => {
    let secure: boolean | undefined;
    let raw = '';
    // smtp-server's built-in self-signed certificate; the URL opts out of verifying it.
    const server = new SMTPServer({
      secure: true,
      authOptional: true,
      logger: false,
      onData(stream, session, cb) {
        secure = session.secure;
        stream.on('data', (c: Buffer) => {
          raw += c.toString('utf8');
        });
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const mailer = createMailer({
      smtpUrl: `smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false`,
      from: 'chorus@example.test',
      log: silent,
    });
    try {
      await mailer.send({ to: 'grace@example.test', subject: 'Over TLS', text: 'encrypted hello' });
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(secure).toBe(true);
    expect(raw).toMatch(/^Subject: Over TLS\r$/m);
    expect(raw).toContain('encrypted hello');
  });
});

describe('mailer without SMTP', () => {
  it('logs the message instead of sending it', async () => {
    const logged: Array<{ obj: object; msg?: string }> = [];
    const mailer = createMailer({
      from: 'chorus@localhost',
      log: { info: (obj, msg) => logged.push({ obj, msg }) },
    });
    const { messageId } = await mailer.send({
      to: 'ada@example.test',
      subject: 'Reset your password',
      text: 'Open http://localhost:3000/reset/xyz',
    });
    mailer.close();
    expect(messageId).toMatch(/^<.+>$/);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.obj).toEqual({
      mail: {
        messageId,
        to: 'ada@example.test',
        subject: 'Reset your password',
        text: 'Open http://localhost:3000/reset/xyz',
      },
    });
    expect(logged[0]!.msg).toMatch(/not sent/);
  });
});
