// Two training modules to start with (the demo organisation gets them; any organisation may copy them):
// confidential data, required for every channel, and posting for the company, required for company channels.
import type { QuizQuestion } from '../../platform/db/schema/governance.ts';
import type { TrainingInput } from './training.ts';

const option = (id: string, de: string, en: string, correct = false) => ({ id, text: { de, en }, correct });

const confidentialQuestions: QuizQuestion[] = [
  {
    id: 'iban-reply',
    kind: 'single',
    prompt: {
      de: 'Eine Kundin schreibt ihre IBAN in einen öffentlichen Kommentar und bittet um Rückerstattung. Was tun Sie?',
      en: 'A customer writes her IBAN in a public comment and asks for a refund. What do you do?',
    },
    options: [
      option(
        'quote',
        'Die IBAN in der Antwort bestätigen, damit nichts schiefgeht.',
        'Confirm the IBAN in the reply so nothing goes wrong.',
      ),
      option(
        'safe-way',
        'Auf einen sicheren Weg verweisen und den Kommentar ausblenden lassen.',
        'Point her to a safe way and have the comment hidden.',
        true,
      ),
      option(
        'ignore',
        'Nichts – sie hat die Daten ja selbst veröffentlicht.',
        'Nothing – she published the data herself.',
      ),
    ],
  },
  {
    id: 'confidential-kinds',
    kind: 'multiple',
    prompt: {
      de: 'Was davon ist vertraulich und gehört nie in einen Beitrag?',
      en: 'Which of these are confidential and never belong in a post?',
    },
    options: [
      option(
        'customer-number',
        'Eine Kundennummer wie KD-12345678',
        'A customer number such as KD-12345678',
        true,
      ),
      option(
        'code-name',
        'Der interne Projektname „Projekt Nordlicht“',
        'The internal project name “Projekt Nordlicht”',
        true,
      ),
      option('press-mail', 'Die Adresse der Pressestelle', "The press office's address"),
      option('tax-id', 'Die Steuer-ID eines Kollegen', "A colleague's tax ID", true),
    ],
  },
  {
    id: 'override',
    kind: 'single',
    prompt: {
      de: 'Chorus blockiert Ihren Beitrag wegen einer Kartennummer. Was gilt?',
      en: 'Chorus blocks your post because of a card number. What applies?',
    },
    options: [
      option(
        'retype',
        'Die Nummer mit Leerzeichen anders schreiben, bis die Prüfung schweigt.',
        'Retype the number with spaces until the check is quiet.',
      ),
      option(
        'remove',
        'Die Nummer entfernen; übergehen dürfen nur Berechtigte mit Begründung, und Compliance prüft nach.',
        'Remove the number; only authorised people may override, with a reason, and compliance reviews it.',
        true,
      ),
    ],
  },
  {
    id: 'leak',
    kind: 'single',
    prompt: {
      de: 'Sie merken, dass ein veröffentlichter Beitrag eine Kundennummer enthält. Was zuerst?',
      en: 'You notice that a published post contains a customer number. What first?',
    },
    options: [
      option('wait', 'Abwarten, ob es jemand bemerkt.', 'Wait and see whether anyone notices.'),
      option(
        'tell',
        'Sofort das Social-Media-Team informieren.',
        'Tell the social media team at once.',
        true,
      ),
      option('edit', 'Still den Beitrag ändern und nichts sagen.', 'Quietly edit the post and say nothing.'),
    ],
  },
];

const companyQuestions: QuizQuestion[] = [
  {
    id: 'response',
    kind: 'single',
    prompt: {
      de: 'Jemand fragt öffentlich etwas, das Sie nicht wissen. Wie antworten Sie?',
      en: 'Someone asks a question in public that you cannot answer. How do you reply?',
    },
    options: [
      option('guess', 'Eine plausible Antwort geben.', 'Give a plausible answer.'),
      option(
        'on-it',
        'Sagen, dass Sie sich kümmern, und die Antwort bei den Fachleuten holen.',
        'Say you are on it, and get the answer from the experts.',
        true,
      ),
      option('silence', 'Nicht antworten.', 'Do not reply.'),
    ],
  },
  {
    id: 'crisis',
    kind: 'single',
    prompt: {
      de: 'Das Unternehmen ist im Krisenmodus. Wer äußert sich zum Thema?',
      en: 'The company is in crisis mode. Who comments on the matter?',
    },
    options: [
      option('everyone', 'Alle, die etwas wissen.', 'Everybody who knows something.'),
      option(
        'crisis-team',
        'Nur das Krisenteam – mit einer Stimme.',
        'Only the crisis team – with one voice.',
        true,
      ),
    ],
  },
  {
    id: 'disclosure',
    kind: 'multiple',
    prompt: {
      de: 'Sie empfehlen ein Produkt des Unternehmens auf Ihrem eigenen Account. Was gehört dazu?',
      en: "You recommend one of the company's products on your own account. What belongs in the post?",
    },
    options: [
      option('hashtag', 'Ein Hinweis wie #Mitarbeiter', 'A disclosure such as #employee', true),
      option(
        'tracking',
        'Ein Link mit utm-Parametern eines Werbenetzwerks',
        "A link with an ad network's utm parameters",
      ),
      option(
        'own-opinion',
        'Deutlich machen, dass es Ihre Meinung ist',
        'Making clear it is your opinion',
        true,
      ),
    ],
  },
  {
    id: 'competitor',
    kind: 'single',
    prompt: {
      de: 'Ein Wettbewerber hat einen Fehler gemacht. Darf der Unternehmensaccount darüber spotten?',
      en: 'A competitor has made a mistake. May the company account mock it?',
    },
    options: [
      option('yes', 'Ja, das bringt Reichweite.', 'Yes, it brings reach.'),
      option(
        'no',
        'Nein – respektvoll oder gar nicht; Vergleiche sind der Kommunikation vorbehalten.',
        'No – with respect or not at all; comparisons are left to communications.',
        true,
      ),
    ],
  },
];

export const DEMO_TRAININGS: TrainingInput[] = [
  {
    title: { de: 'Vertrauliche Daten', en: 'Confidential data' },
    summary: {
      de: 'Welche Daten nie in einen Beitrag gehören und was zu tun ist, wenn es doch passiert.',
      en: 'Which data never belongs in a post, and what to do when it happens anyway.',
    },
    content: {
      de: `## Was vertraulich ist

Vertraulich ist alles, was einen Menschen oder ein Vorhaben erkennbar macht und nicht ausdrücklich veröffentlicht ist:

- **Bankverbindungen** (IBAN, Kontonummern) – Richtlinie 2.1
- **Kartennummern** – Richtlinie 2.2
- **Steuer-IDs** – Richtlinie 2.3
- **Kundennamen, Kunden- und Vertragsnummern** – Richtlinie 2.4
- **Interne Projekt- und Codenamen** – Richtlinie 2.5
- **Persönliche E-Mail-Adressen und Telefonnummern** – Richtlinie 3

## Wie Chorus hilft

Chorus prüft jeden Text beim Schreiben. Blockierende Hinweise verhindern das Senden; wer übergehen darf, muss es begründen, und Compliance prüft jede Ausnahme nach. Schreiben Sie Nummern nicht um, damit die Prüfung schweigt – das ist ein Verstoß gegen die Richtlinie.

## Wenn es doch passiert

Melden Sie es sofort dem Social-Media-Team. Ein schnell gelöschter Beitrag ist halb so schlimm; ein verschwiegener kann Meldepflichten nach der DSGVO versäumen lassen.`,
      en: `## What is confidential

Everything that identifies a person or a plan and has not been made public:

- **Bank details** (IBAN, account numbers) – guideline 2.1
- **Card numbers** – guideline 2.2
- **Tax IDs** – guideline 2.3
- **Customer names, customer and contract numbers** – guideline 2.4
- **Internal project and code names** – guideline 2.5
- **Personal e-mail addresses and phone numbers** – guideline 3

## How Chorus helps

Chorus checks every text as you write. Blocking findings prevent sending; whoever may override must give a reason, and compliance reviews every override. Do not retype numbers to quiet the check – that breaks the guideline.

## When it happens anyway

Tell the social media team at once. A post removed quickly is half as bad; one kept quiet can make the company miss its notification duties under the GDPR.`,
    },
    questions: confidentialQuestions,
    passMark: 75,
    requiredFor: { company: true, personal: true },
  },
  {
    title: { de: 'Im Namen des Unternehmens posten', en: 'Posting for the company' },
    summary: {
      de: 'Dialog statt Monolog: wie wir antworten, wer in Krisen spricht und was auf eigenen Accounts gilt.',
      en: 'Dialogue, not monologue: how we reply, who speaks in a crisis and what applies on your own accounts.',
    },
    content: {
      de: `## Dialog, nicht Monolog

Wer dem Unternehmen schreibt, erwartet eine Antwort – bald. Antworten Sie freundlich und ehrlich; wenn Sie etwas nicht wissen, sagen Sie, dass Sie sich kümmern, und holen Sie die Antwort bei den Fachleuten (Richtlinie 9.2).

## Eine Stimme in der Krise

Im Krisenmodus spricht nur das Krisenteam; geplante Beiträge werden angehalten (Richtlinie 9.3).

## Auf eigenen Accounts

Wenn Sie über Produkte des Unternehmens schreiben, legen Sie offen, dass Sie hier arbeiten, etwa mit #Mitarbeiter (Richtlinie 5). Über Wettbewerber äußern Sie sich respektvoll oder gar nicht (Richtlinie 4.2).`,
      en: `## Dialogue, not monologue

People who write to the company expect an answer – soon. Reply in a friendly and honest way; if you do not know something, say you are on it, and get the answer from the experts (guideline 9.2).

## One voice in a crisis

In crisis mode only the crisis team speaks; scheduled posts are held (guideline 9.3).

## On your own accounts

When you write about the company's products, disclose that you work here, for example with #employee (guideline 5). Speak of competitors with respect or not at all (guideline 4.2).`,
    },
    questions: companyQuestions,
    passMark: 75,
    requiredFor: { company: true, personal: false },
  },
];

/** The right answers of a module, as a person who passes would give them (seeding, tests). */
export function rightAnswers(questions: readonly QuizQuestion[]): Record<string, string[]> {
  return Object.fromEntries(
    questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]),
  );
}
