import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';

// The steps build on each other only where they say so; each signs in as the person it is about.
test.describe.configure({ mode: 'serial' });

const IBAN = 'DE89 3704 0044 0532 0130 00';

test('an editor acknowledges the guideline, and posting to company channels is allowed', async ({ page }) => {
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Governance' })
    .click();
  const company = page.getByRole('region', { name: 'Unternehmenskanäle' });
  await expect(company).toContainText('Noch nicht');
  await company.getByRole('link', { name: 'Richtlinie bestätigen: Social-Media-Richtlinie (v1)' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Richtlinie' })).toBeVisible();
  // The guideline is rendered from Markdown, its sections carrying the ids findings link to.
  await expect(page.locator('[id="confidentiality.bank-data"]')).toHaveText('2.1 Bankverbindungen');
  await page.getByRole('button', { name: 'Ich habe die Richtlinie gelesen und befolge sie' }).click();
  await expect(page.getByText(/Sie haben Version 1 am .* bestätigt\./)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Governance' })
    .click();
  await expect(company).toContainText('Erlaubt');
  await expect(company).toContainText('Sie dürfen in den Kanälen des Unternehmens posten.');
  await expect(page.getByRole('region', { name: 'Eigene Kanäle' })).toContainText('Erlaubt');
});

test('a contributor passes a training module; what is still missing stays listed', async ({ page }) => {
  await signIn(page, 'contributor@beispiel.example', 'Clara Kollegin');
  await page.goto('/governance');
  const personal = page.getByRole('region', { name: 'Eigene Kanäle' });
  await personal.getByRole('link', { name: 'Schulung bestehen: Vertrauliche Daten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vertrauliche Daten' })).toBeVisible();

  await page
    .getByRole('radio', { name: 'Auf einen sicheren Weg verweisen und den Kommentar ausblenden lassen.' })
    .check();
  await page.getByRole('checkbox', { name: 'Eine Kundennummer wie KD-12345678' }).check();
  await page.getByRole('checkbox', { name: 'Der interne Projektname „Projekt Nordlicht“' }).check();
  await page.getByRole('checkbox', { name: 'Die Steuer-ID eines Kollegen' }).check();
  await page.getByRole('radio', { name: /^Die Nummer entfernen/ }).check();
  // One wrong answer: 3 of 4 is exactly the pass mark of 75 %.
  await page.getByRole('radio', { name: 'Abwarten, ob es jemand bemerkt.' }).check();
  await page.getByRole('button', { name: 'Antworten abgeben' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Bestanden' });
  await expect(result).toContainText('75 % (3 von 4 richtig; nötig sind 75 %)');
  await expect(page.getByText('Noch nicht richtig.')).toBeVisible();

  await result.getByRole('link', { name: 'Zu Ihren Posting-Rechten.' }).click();
  await expect(personal.getByRole('link', { name: /^Schulung bestehen/ })).toHaveCount(0);
  await expect(
    personal.getByRole('link', { name: 'Richtlinie bestätigen: Social-Media-Richtlinie (v1)' }),
  ).toBeVisible();
});

test('the rules editor’s “try a text” flags an IBAN with its explanation and section', async ({ page }) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto('/governance/policy');
  await expect(page.getByRole('heading', { level: 1, name: 'Regeln der Richtlinienprüfung' })).toBeVisible();
  await expect(page.getByText(/Es gilt Version 1, gespeichert am/)).toBeVisible();

  await page.getByLabel('Text zum Ausprobieren').fill(`Bitte überweisen Sie den Betrag an ${IBAN}, danke!`);
  const findings = page.getByRole('list', { name: 'Hinweise' });
  await expect(findings).toContainText('IBAN');
  await expect(findings).toContainText('Blockiert');
  await expect(findings).toContainText('IBANs von Kunden und Beschäftigten sind vertraulich');
  await expect(page.getByText('Veröffentlichen gesperrt: 1 blockierender Hinweis.')).toBeVisible();
  await expect(page.getByTestId('highlighted-text').locator('mark')).toContainText(IBAN);

  // The finding links to its section of the guideline.
  await findings.getByRole('link', { name: 'Bankverbindungen' }).click();
  await expect(page).toHaveURL(/\/governance\/guidelines#confidentiality\.bank-data$/);
  await expect(page.locator('[id="confidentiality.bank-data"]')).toBeFocused();
});

test('an override recorded through the API reaches the review queue, where compliance reviews it', async ({
  page,
}) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  const csrf = (await page.context().cookies()).find((c) => c.name === 'chorus_csrf')!.value;
  const res = await page.request.post('/api/v1/guidelines/overrides', {
    headers: { 'x-csrf-token': csrf },
    data: {
      subjectType: 'post',
      subjectId: 'herbst-2025',
      subjectLabel: 'Spendenaufruf Herbst',
      text: `Unterstützen Sie die Tafel: ${IBAN}`,
      reason: 'Das Konto gehört der Tafel und ist öffentlich.',
    },
  });
  expect(res.status()).toBe(201);

  await page.context().clearCookies();
  await signIn(page, 'compliance@beispiel.example', 'Konrad Compliance');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Prüfliste' })
    .click();
  const item = page.getByRole('article', { name: 'Spendenaufruf Herbst' });
  await expect(item).toContainText('Übergangen');
  await expect(item).toContainText('Das Konto gehört der Tafel und ist öffentlich.');
  await expect(item).toContainText('Von Sophie Social');
  await expect(item.getByRole('list', { name: 'Hinweise' })).toContainText('IBAN');

  await item.getByLabel('Prüfvermerk').fill('Öffentliches Spendenkonto, in Ordnung.');
  await item.getByRole('button', { name: 'Als geprüft markieren' }).click();
  await expect(page.getByText('„Spendenaufruf Herbst“ als geprüft markiert.')).toBeVisible();
  await expect(item).toHaveCount(0);

  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Geprüft', { exact: true }).click();
  const reviewed = page.getByRole('article', { name: 'Spendenaufruf Herbst' });
  await expect(reviewed).toContainText('Geprüft von Konrad Compliance');
  await expect(reviewed).toContainText('Öffentliches Spendenkonto, in Ordnung.');
});
