export const INVITATION_DAYS = 7;

export function invitationMail(
  name: string,
  orgName: string,
  inviter: string,
  url: string,
  locale: 'de' | 'en',
): { subject: string; text: string } {
  if (locale === 'de') {
    return {
      subject: `Einladung zu Chorus – ${orgName}`,
      text: `Hallo ${name},\n\n${inviter} hat Sie zu Chorus eingeladen, dem Social-Media-Hub von ${orgName}.\n\nLegen Sie hier Ihr Passwort fest (der Link gilt ${INVITATION_DAYS} Tage):\n${url}\n\nWenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.\n`,
    };
  }
  return {
    subject: `Invitation to Chorus – ${orgName}`,
    text: `Hello ${name},\n\n${inviter} has invited you to Chorus, the social media hub of ${orgName}.\n\nSet your password here (the link is valid for ${INVITATION_DAYS} days):\n${url}\n\nIf you did not expect this invitation, ignore this e-mail.\n`,
  };
}
