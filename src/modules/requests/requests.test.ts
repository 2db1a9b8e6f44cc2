import { describe, expect, it } from 'vitest';
import { notificationMail } from '../notifications/mail-texts.ts';
import { todayIn } from './access.ts';
import { sniffAttachmentType } from './attachments.ts';
import { createRequestBody } from './schema.ts';
import { NEXT_STATUSES, statusParams } from './status-labels.ts';
import { draftText } from './turn-into-post.ts';

describe('requests desk rules', () => {
  it('takes images and PDFs by their first bytes, whatever the name says', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffAttachmentType(Buffer.from('<svg onload="alert(1)">'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffAttachmentType(Buffer.alloc(0))).toBeNull();
  });

  it('knows today in the person’s time zone, not the server’s', () => {
    const lateInBerlin = new Date('2026-12-04T23:30:00Z');
    expect(todayIn('Europe/Berlin', lateInBerlin)).toBe('2026-12-05');
    expect(todayIn('America/New_York', lateInBerlin)).toBe('2026-12-04');
    expect(todayIn('Not/AZone', lateInBerlin)).toBe('2026-12-04');
  });

  it('closed requests only reopen; nothing goes back to new', () => {
    expect(NEXT_STATUSES.done).toEqual(['in_progress']);
    expect(NEXT_STATUSES.declined).toEqual(['in_progress']);
    for (const next of Object.values(NEXT_STATUSES)) expect(next).not.toContain('new');
  });

  it('validates each type’s own fields and refuses another type’s', () => {
    const ok = createRequestBody.safeParse({
      type: 'research',
      title: 'Messe',
      fields: { topic: 'Messe', periodFrom: '2027-03-01', periodTo: '2027-03-10' },
    });
    expect(ok.success).toBe(true);
    expect(
      createRequestBody.safeParse({
        type: 'research',
        title: 'Messe',
        fields: { topic: 'Messe', periodFrom: '2027-03-10', periodTo: '2027-03-01' },
      }).success,
    ).toBe(false);
    expect(
      createRequestBody.safeParse({ type: 'question', title: 'x', fields: { question: 'y', content: 'z' } })
        .success,
    ).toBe(false);
    expect(
      createRequestBody.safeParse({
        type: 'posting',
        title: 'x',
        fields: { content: 'y', link: 'file:///etc/passwd' },
      }).success,
    ).toBe(false);
    expect(
      createRequestBody.safeParse({
        type: 'question',
        title: 'x',
        dueDate: '2027-02-30',
        fields: { question: 'y' },
      }).success,
    ).toBe(false);
  });

  it('makes the draft from the content and the link', () => {
    expect(draftText({ content: ' Text ', channelIds: [], desiredDate: null, link: null })).toBe('Text');
    expect(draftText({ content: 'Text', channelIds: [], desiredDate: null, link: 'https://x.example' })).toBe(
      'Text\n\nhttps://x.example',
    );
  });

  it('words the status in the reader’s language in the mail', () => {
    const params = { actor: 'Sophie', title: 'Azubi-Tag', ...statusParams('waiting', null) };
    const who = { name: 'Clara', orgName: 'Beispiel GmbH', url: 'https://chorus.example/requests/1' };
    expect(notificationMail('request.status_changed', params, who, 'de').subject).toBe(
      'Ihre Anfrage „Azubi-Tag“: wartet auf Ihre Rückmeldung',
    );
    expect(notificationMail('request.status_changed', params, who, 'en').subject).toBe(
      'Your request "Azubi-Tag": waiting for your reply',
    );
  });
});
