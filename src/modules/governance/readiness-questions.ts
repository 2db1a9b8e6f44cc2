// The readiness self-check for companies starting out: statements per area, each rated from "not at all"
// (0) to "fully" (4). Blockers are statements where agreeing is the problem; they count reversed.
import type { Localized } from '../../policy/index.ts';

export const READINESS_AREAS = ['structure', 'processes', 'culture', 'governance', 'rollout'] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];

export interface ReadinessQuestion {
  id: string;
  area: ReadinessArea;
  text: Localized;
  /** A common blocker: agreeing lowers the score. */
  blocker?: true;
  /** What to do when the answer shows a gap. */
  nextStep: Localized;
}

export const AREA_TITLES: Record<ReadinessArea, Localized> = {
  structure: { de: 'Struktur und Verantwortung', en: 'Structure and responsibility' },
  processes: { de: 'Prozesse', en: 'Processes' },
  culture: { de: 'Kultur', en: 'Culture' },
  governance: { de: 'Richtlinien und Schulung', en: 'Guidelines and training' },
  rollout: { de: 'Einführung', en: 'Rollout' },
};

export const SCALE: readonly Localized[] = [
  { de: 'trifft nicht zu', en: 'not at all' },
  { de: 'trifft eher nicht zu', en: 'rather not' },
  { de: 'teils, teils', en: 'partly' },
  { de: 'trifft eher zu', en: 'largely' },
  { de: 'trifft voll zu', en: 'fully' },
];

const q = (
  id: string,
  area: ReadinessArea,
  text: Localized,
  nextStep: Localized,
  blocker?: true,
): ReadinessQuestion => ({ id, area, text, nextStep, ...(blocker ? { blocker } : {}) });

export const READINESS_QUESTIONS: readonly ReadinessQuestion[] = [
  q(
    'structure.owner',
    'structure',
    {
      de: 'Social Media hat eine benannte verantwortliche Person mit ausreichend Arbeitszeit dafür – nicht „nebenbei“.',
      en: 'Social media has a named owner with enough working time for it – not “on the side”.',
    },
    {
      de: 'Benennen Sie eine Social-Media-Verantwortliche und geben Sie der Rolle echte Arbeitszeit. Eine Person „nebenbei“ ist der klassische Fehlschlag.',
      en: 'Name a social media manager and give the role real working time. One person “on the side” is the classic failure.',
    },
  ),
  q(
    'structure.team',
    'structure',
    {
      de: 'Mehrere Kolleginnen und Kollegen aus verschiedenen Abteilungen betreuen die Unternehmensaccounts gemeinsam.',
      en: "Several colleagues from different departments run the company's accounts together.",
    },
    {
      de: 'Bilden Sie ein Kernteam aus drei bis fünf Personen aus Marketing, PR, Service und Personal, das die Accounts in Chorus gemeinsam betreut – mit Dienstplan.',
      en: 'Form a core team of three to five people from marketing, PR, service and HR who run the accounts together in Chorus – with a rota.',
    },
  ),
  q(
    'structure.departments',
    'structure',
    {
      de: 'Jede Abteilung (Geschäftsführung, Personal, Vertrieb, Service, Marketing, PR, IT) weiß, wofür sie in Social Media zuständig ist.',
      en: 'Every department (management, HR, sales, service, marketing, PR, IT) knows what it is responsible for on social media.',
    },
    {
      de: 'Schreiben Sie je Abteilung auf einer Seite auf, wer was beantwortet und wer was freigibt, und veröffentlichen Sie es mit der Richtlinie.',
      en: 'Write down on one page per department who answers what and who approves what, and publish it with the guideline.',
    },
  ),
  q(
    'structure.press-office',
    'structure',
    {
      de: 'Jede Kommunikation nach außen läuft über die Pressestelle.',
      en: 'All outside communication goes through the press office.',
    },
    {
      de: 'Vereinbaren Sie mit der Pressestelle, welche Themen bei ihr bleiben (Krisen, Zahlen, Aussagen der Geschäftsführung) und wo Fachabteilungen direkt antworten dürfen.',
      en: 'Agree with the press office which topics stay with it (crises, figures, statements of the management) and where departments may answer directly.',
    },
    true,
  ),
  q(
    'structure.management',
    'structure',
    {
      de: 'Die Geschäftsführung unterstützt Social Media sichtbar und macht selbst mit.',
      en: 'The management visibly supports social media and takes part itself.',
    },
    {
      de: 'Gewinnen Sie eine Fürsprecherin in der Geschäftsführung: ein kurzes Gespräch über Ziele und Risiken und ein sichtbares Zeichen von oben, etwa ein Vorwort zur Richtlinie.',
      en: 'Win a sponsor in the management: a short talk about goals and risks, and one visible sign from the top, such as a foreword to the guideline.',
    },
  ),
  q(
    'processes.response',
    'processes',
    {
      de: 'Es ist festgelegt, wer Fragen und Beschwerden in Social Media beantwortet – und wie schnell.',
      en: 'It is settled who answers questions and complaints on social media – and how fast.',
    },
    {
      de: 'Legen Sie Fristen für die erste Antwort fest (z. B. vier Arbeitsstunden) und leiten Sie Anfragen an die zuständige Abteilung weiter.',
      en: 'Set deadlines for the first answer (e.g. four working hours) and route questions to the department responsible.',
    },
  ),
  q(
    'processes.systems',
    'processes',
    {
      de: 'Antworten finden sich dort, wo sie liegen (CMS, Support, CRM), ohne lange herumzufragen.',
      en: 'Answers can be found where they live (CMS, support desk, CRM) without asking around.',
    },
    {
      de: 'Verbinden Sie das Social-Media-Team mit Support und CRM – mindestens mit Lesezugriff und einer Ansprechperson je System.',
      en: 'Connect the social media team with the support desk and CRM – at least with read access and a contact person per system.',
    },
  ),
  q(
    'processes.editorial',
    'processes',
    {
      de: 'Es gibt einen Redaktionsplan, und Kolleginnen und Kollegen liefern Ideen und Inhalte zu.',
      en: 'There is an editorial plan, and colleagues contribute ideas and content.',
    },
    {
      de: 'Öffnen Sie einen Ideeneingang für alle Beschäftigten und halten Sie alle zwei Wochen eine kurze Redaktionskonferenz ab.',
      en: 'Open an idea inbox to every employee and hold a short editorial meeting every two weeks.',
    },
  ),
  q(
    'processes.crisis',
    'processes',
    {
      de: 'Ein Krisenplan legt fest, wer entscheidet, wer spricht und welche Stellungnahmen vorbereitet sind.',
      en: 'A crisis plan says who decides, who speaks and which statements are prepared.',
    },
    {
      de: 'Schreiben Sie einen Krisenplan mit Krisenteam, Kontakten und vorbereiteten Stellungnahmen, und üben Sie ihn einmal im Jahr: eine Stimme.',
      en: 'Write a crisis plan with the crisis team, contacts and holding statements, and rehearse it once a year: one voice.',
    },
  ),
  q(
    'processes.boss-decides',
    'processes',
    {
      de: 'Der Chef entscheidet alles: Jeder Beitrag wartet auf die Freigabe der Geschäftsführung.',
      en: 'The boss decides everything: every post waits for approval by the management.',
    },
    {
      de: 'Ersetzen Sie die Freigabe von allem durch eine Freigabe nach Risiko: Routinebeiträge gibt die Abteilung frei, heikle Themen die Geschäftsführung; vertrauliche Daten fängt die Richtlinienprüfung ab.',
      en: 'Replace approval of everything with approval by risk: the department approves routine posts, the management sensitive topics; the guideline check catches confidential data.',
    },
    true,
  ),
  q(
    'culture.knowledge-is-power',
    'culture',
    {
      de: 'Wissen ist Macht: Wer etwas weiß, behält es lieber für sich.',
      en: 'Knowledge is power: whoever knows something keeps it to themselves.',
    },
    {
      de: 'Machen Sie Teilen sichtbar und lohnend: Nennen Sie die Fachleute, die eine Frage beantwortet haben, und leiten Sie Fragen zu ihnen statt an ihnen vorbei.',
      en: 'Make sharing visible and worthwhile: name the experts who answered a question, and route questions to them rather than around them.',
    },
    true,
  ),
  q(
    'culture.allowed',
    'culture',
    {
      de: 'Beschäftigte dürfen Social Media während der Arbeit für ihre Arbeit nutzen.',
      en: 'Employees may use social media at work for their work.',
    },
    {
      de: 'Sagen Sie in der Richtlinie ausdrücklich, dass die berufliche Nutzung erlaubt und erwünscht ist – und in welchen Grenzen.',
      en: 'Say explicitly in the guideline that using social media for work is allowed and wanted – and within which limits.',
    },
  ),
  q(
    'culture.mistakes',
    'culture',
    {
      de: 'Über Fehler wird offen gesprochen, ohne Schuldige zu suchen.',
      en: 'Mistakes are discussed openly, without looking for someone to blame.',
    },
    {
      de: 'Vereinbaren Sie, wie mit Fehlern umgegangen wird: korrigieren, wo nötig entschuldigen, daraus lernen – und schreiben Sie das in die Richtlinie.',
      en: 'Agree how mistakes are handled: correct, apologise where needed, learn from it – and write that into the guideline.',
    },
  ),
  q(
    'culture.ambassadors',
    'culture',
    {
      de: 'Beschäftigte haben Interesse, Inhalte des Unternehmens über ihre eigenen Accounts zu teilen.',
      en: "Employees are interested in sharing the company's content from their own accounts.",
    },
    {
      de: 'Fragen Sie, wer Botschafterin oder Botschafter sein möchte; beginnen Sie mit wenigen Freiwilligen und ausgewählten Beiträgen statt mit einer Pflicht.',
      en: 'Ask who would like to be an ambassador; start with a few volunteers and curated stories rather than an obligation.',
    },
  ),
  q(
    'culture.control',
    'culture',
    {
      de: 'Vertrauen ist gut, Kontrolle ist besser: Jeder Schritt wird von Vorgesetzten geprüft.',
      en: 'Trust is good, control is better: a superior checks every step.',
    },
    {
      de: 'Verlagern Sie Kontrolle von Personen auf Regeln: Die Richtlinienprüfung sieht jeden Text, Ausnahmen werden begründet, protokolliert und von Compliance geprüft – so bleibt Zeit für den Dialog.',
      en: 'Move control from people to rules: the guideline check sees every text, overrides are justified, audited and reviewed by compliance – which leaves time for the dialogue.',
    },
    true,
  ),
  q(
    'governance.guideline',
    'governance',
    {
      de: 'Es gibt eine schriftliche Social-Media-Richtlinie, die alle lesen können.',
      en: 'There is a written social media guideline that everybody can read.',
    },
    {
      de: 'Veröffentlichen Sie eine Richtlinie – beginnen Sie mit der Vorlage in Chorus – und lassen Sie sie von allen bestätigen.',
      en: 'Publish a guideline – start from the template in Chorus – and have everybody acknowledge it.',
    },
  ),
  q(
    'governance.confidential',
    'governance',
    {
      de: 'Alle wissen, welche Daten vertraulich sind (Kundendaten, Kontonummern, interne Projektnamen).',
      en: 'Everybody knows which data is confidential (customer data, account numbers, internal project names).',
    },
    {
      de: 'Zählen Sie vertrauliche Daten und interne Codenamen in der Richtlinie auf und tragen Sie sie in die Regeln der Richtlinienprüfung ein.',
      en: 'List confidential data and internal code names in the guideline, and add them to the rules of the guideline check.',
    },
  ),
  q(
    'governance.training',
    'governance',
    {
      de: 'Wer postet, wird geschult, und die Schulung wird wiederholt.',
      en: 'Everybody who posts is trained, and the training is repeated.',
    },
    {
      de: 'Machen Sie die Grundschulungen zur Voraussetzung für das Posten und wiederholen Sie sie jährlich.',
      en: 'Make the basic training modules a condition for posting and repeat them every year.',
    },
  ),
  q(
    'governance.consequences',
    'governance',
    {
      de: 'Die Folgen von Verstößen gegen die Regeln sind bekannt.',
      en: 'The consequences of breaking the rules are known.',
    },
    {
      de: 'Nennen Sie die Folgen in der Richtlinie in klaren Worten – vom Gespräch bis zu arbeitsrechtlichen Schritten –, damit niemand sie erst aus einer Abmahnung erfährt.',
      en: 'State the consequences plainly in the guideline – from a talk to steps under employment law – so nobody learns them from a formal warning.',
    },
  ),
  q(
    'governance.stakeholders',
    'governance',
    {
      de: 'Rechtsabteilung, Datenschutz und Betriebsrat sind eingebunden.',
      en: 'Legal, data protection and the works council are involved.',
    },
    {
      de: 'Stimmen Sie die Richtlinie vor der Einführung mit Rechtsabteilung, Datenschutzbeauftragten und Betriebsrat ab – das erspart eine zweite Runde.',
      en: 'Agree the guideline with legal, the data protection officer and the works council before rollout – it saves a second round.',
    },
  ),
  q(
    'rollout.goals',
    'rollout',
    {
      de: 'Es gibt Ziele für Social Media und Kennzahlen, die zeigen, ob sie erreicht werden.',
      en: 'There are goals for social media and figures that show whether they are met.',
    },
    {
      de: 'Setzen Sie zwei oder drei Ziele (z. B. Antwortzeit, Reichweite in der Zielgruppe, Bewerbungen über Social Media) und berichten Sie monatlich darüber.',
      en: 'Set two or three goals (e.g. response time, reach in the target group, applications through social media) and report on them monthly.',
    },
  ),
  q(
    'rollout.pilot',
    'rollout',
    {
      de: 'Die Einführung beginnt mit einem Pilot: wenige Kanäle und ein kleines Team zuerst.',
      en: 'The rollout starts with a pilot: a few channels and a small team first.',
    },
    {
      de: 'Beginnen Sie mit ein oder zwei Netzwerken, in denen Ihre Zielgruppe ist, und einem Pilotteam; erweitern Sie nach drei Monaten.',
      en: 'Start with one or two networks where your audience is, and a pilot team; widen after three months.',
    },
  ),
  q(
    'rollout.announced',
    'rollout',
    {
      de: 'Die Beschäftigten wissen, was geplant ist und warum.',
      en: 'Employees know what is planned and why.',
    },
    {
      de: 'Kündigen Sie die Einführung intern an – Intranet, Betriebsversammlung – mit Richtlinie, Schulung und einer Ansprechperson.',
      en: 'Announce the rollout internally – intranet, staff meeting – with the guideline, the training and a contact person.',
    },
  ),
  q(
    'rollout.desk',
    'rollout',
    {
      de: 'Kolleginnen und Kollegen ohne eigene Social-Media-Nutzung haben eine Anlaufstelle.',
      en: 'Colleagues who do not use social media themselves have a point of contact.',
    },
    {
      de: 'Richten Sie eine Anlaufstelle für Rechercheaufträge und Fragen ein, damit auch Kolleginnen und Kollegen ohne Account mitwirken können.',
      en: 'Set up a point of contact for research requests and questions, so colleagues without an account can take part too.',
    },
  ),
];
