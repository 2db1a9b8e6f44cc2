/** What people are told about, in the app (web/i18n) and by e-mail (here). */
export const NOTIFICATION_KINDS = [
  'post.approval_requested',
  'post.approved',
  'post.changes_requested',
  'post.failed',
  'post.needs_decision',
  'post.published',
  'post.mentioned',
  'request.filed',
  'request.assigned',
  'request.status_changed',
  'request.answered',
  'request.replied',
  'request.posted',
  'webhook.failed',
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
  'request.filed': {
    subject: 'Neue Anfrage von {actor}: {title}',
    body: '{actor} hat eine Anfrage an das Social-Media-Team gestellt:\n\n„{title}“\n\n{url}',
  },
  'request.assigned': {
    subject: 'Anfrage an Sie zugewiesen: {title}',
    body: '{actor} hat Ihnen die Anfrage „{title}“ zugewiesen.\n\n{url}',
  },
  'request.status_changed': {
    subject: 'Ihre Anfrage „{title}“: {status}',
    body: '{actor} hat den Status Ihrer Anfrage „{title}“ geändert: {status}.\n\n{reason}\n\n{url}',
  },
  'request.answered': {
    subject: 'Antwort auf Ihre Anfrage „{title}“',
    body: '{actor} schreibt zu Ihrer Anfrage „{title}“:\n\n„{excerpt}“\n\n{url}',
  },
  'request.replied': {
    subject: 'Rückmeldung zur Anfrage „{title}“',
    body: '{actor} schreibt zur Anfrage „{title}“:\n\n„{excerpt}“\n\n{url}',
  },
  'request.posted': {
    subject: 'Aus Ihrer Anfrage „{title}“ wird ein Beitrag',
    body: '{actor} hat aus Ihrer Anfrage „{title}“ einen Beitragsentwurf erstellt.\n\n{url}',
  },
  'webhook.failed': {
    subject: 'Webhook „{endpoint}“ nicht zugestellt',
    body: 'Ein Ereignis ({eventType}) konnte nach allen Versuchen nicht an den Webhook „{endpoint}“ zugestellt werden:\n\n{error}\n\nZustellungen ansehen:\n{url}',
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
  'request.filed': {
    subject: 'New request from {actor}: {title}',
    body: '{actor} filed a request to the social media team:\n\n"{title}"\n\n{url}',
  },
  'request.assigned': {
    subject: 'Request assigned to you: {title}',
    body: '{actor} assigned the request "{title}" to you.\n\n{url}',
  },
  'request.status_changed': {
    subject: 'Your request "{title}": {status}',
    body: '{actor} changed the status of your request "{title}": {status}.\n\n{reason}\n\n{url}',
  },
  'request.answered': {
    subject: 'Answer to your request "{title}"',
    body: '{actor} writes about your request "{title}":\n\n"{excerpt}"\n\n{url}',
  },
  'request.replied': {
    subject: 'Reply on the request "{title}"',
    body: '{actor} writes about the request "{title}":\n\n"{excerpt}"\n\n{url}',
  },
  'request.posted': {
    subject: 'Your request "{title}" becomes a post',
    body: '{actor} made a draft post from your request "{title}".\n\n{url}',
  },
  'webhook.failed': {
    subject: 'Webhook "{endpoint}" not delivered',
    body: 'An event ({eventType}) could not be delivered to the webhook "{endpoint}" after all attempts:\n\n{error}\n\nSee the deliveries:\n{url}',
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
  // A param given per language ("status_de", "status_en") fills "{status}" in the reader's language.
  const localised = Object.fromEntries(
    Object.entries(params)
      .filter(([k]) => k.endsWith(`_${locale}`))
      .map(([k, v]) => [k.slice(0, -3), v]),
  );
  const all = { ...params, ...localised, url: ctx.url };
  const greeting = locale === 'de' ? `Hallo ${ctx.name},` : `Hello ${ctx.name},`;
  const footer = `\n\n— Chorus · ${ctx.orgName}\n`;
  return { subject: fill(t.subject, all), text: `${greeting}\n\n${fill(t.body, all)}${footer}` };
}
