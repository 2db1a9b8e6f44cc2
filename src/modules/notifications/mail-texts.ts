/** What people are told about, in the app (web/i18n) and by e-mail (here). */
export const NOTIFICATION_KINDS = [
  'post.approval_requested',
  'post.approved',
  'post.changes_requested',
  'post.failed',
  'post.needs_decision',
  'post.published',
  'post.mentioned',
  'listening.alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Texts = Record<NotificationKind, { subject: string; body: string }>;

// {placeholders} come from the notification's params; {url} is the link into the web app.
const de: Texts = {
  'post.approval_requested': {
    subject: 'Freigabe erbeten: Beitrag von {author}',
    body: '{author} bittet um Ihre Freigabe für einen Beitrag:\n\n„{excerpt}“\n\nBeitrag ansehen und freigeben:\n{url}',
  },
  'post.approved': {
    subject: 'Ihr Beitrag wurde freigegeben',
    body: '{actor} hat Ihren Beitrag freigegeben:\n\n„{excerpt}“\n\n{url}',
  },
  'post.changes_requested': {
    subject: 'Änderungen an Ihrem Beitrag erbeten',
    body: '{actor} bittet um Änderungen an Ihrem Beitrag:\n\n„{comment}“\n\n{url}',
  },
  'post.failed': {
    subject: 'Beitrag auf {channel} nicht veröffentlicht',
    body: 'Ihr Beitrag konnte auf {channel} nicht veröffentlicht werden:\n\n{reason}\n\nBeitrag bearbeiten und erneut senden:\n{url}',
  },
  'post.needs_decision': {
    subject: 'Entscheidung nötig: Beitrag auf {channel}',
    body: 'Das Senden eines Beitrags auf {channel} wurde unterbrochen, und das Netzwerk kann nicht sagen, ob er angekommen ist. Bitte prüfen Sie den Kanal und entscheiden Sie:\n{url}',
  },
  'post.published': {
    subject: 'Beitrag auf {channel} veröffentlicht',
    body: 'Ihr Beitrag ist auf {channel} erschienen.\n\n{url}',
  },
  'post.mentioned': {
    subject: '{actor} hat Sie in einem Kommentar erwähnt',
    body: '{actor} schreibt zu einem Beitrag:\n\n„{excerpt}“\n\n{url}',
  },
  'listening.alert': {
    subject: 'Alarm „{rule}“: {count} Treffer für {search}',
    body: 'Die Suche „{search}“ hat die Alarmregel „{rule}“ ausgelöst ({count} Treffer):\n\n„{excerpt}“\n\n{url}',
  },
};

const en: Texts = {
  'post.approval_requested': {
    subject: 'Approval requested: post by {author}',
    body: '{author} asks you to approve a post:\n\n"{excerpt}"\n\nSee and approve the post:\n{url}',
  },
  'post.approved': {
    subject: 'Your post was approved',
    body: '{actor} approved your post:\n\n"{excerpt}"\n\n{url}',
  },
  'post.changes_requested': {
    subject: 'Changes requested to your post',
    body: '{actor} asks for changes to your post:\n\n"{comment}"\n\n{url}',
  },
  'post.failed': {
    subject: 'Post not published on {channel}',
    body: 'Your post could not be published on {channel}:\n\n{reason}\n\nEdit the post and send it again:\n{url}',
  },
  'post.needs_decision': {
    subject: 'Decision needed: post on {channel}',
    body: 'Sending a post to {channel} was interrupted and the network cannot tell whether it arrived. Please check the channel and decide:\n{url}',
  },
  'post.published': {
    subject: 'Post published on {channel}',
    body: 'Your post has appeared on {channel}.\n\n{url}',
  },
  'post.mentioned': {
    subject: '{actor} mentioned you in a comment',
    body: '{actor} writes about a post:\n\n"{excerpt}"\n\n{url}',
  },
  'listening.alert': {
    subject: 'Alert "{rule}": {count} matches for {search}',
    body: 'The search "{search}" set off the alert rule "{rule}" ({count} matches):\n\n"{excerpt}"\n\n{url}',
  },
};

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

export function notificationMail(
  kind: NotificationKind,
  params: Record<string, string>,
  ctx: { name: string; orgName: string; url: string },
  locale: 'de' | 'en',
): { subject: string; text: string } {
  const t = (locale === 'de' ? de : en)[kind];
  const all = { ...params, url: ctx.url };
  const greeting = locale === 'de' ? `Hallo ${ctx.name},` : `Hello ${ctx.name},`;
  const footer = `\n\n— Chorus · ${ctx.orgName}\n`;
  return { subject: fill(t.subject, all), text: `${greeting}\n\n${fill(t.body, all)}${footer}` };
}
