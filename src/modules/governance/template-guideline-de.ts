// The template guideline in German. Headings carry "{#section-id}" anchors: the ids of the guideline
// engine's sections (src/policy/sections.ts), so a finding links to the paragraph it enforces.
export const TEMPLATE_TITLE_DE = 'Social-Media-Richtlinie';

export const TEMPLATE_BODY_DE = `# Social-Media-Richtlinie

*Vorlage aus Chorus. Passen Sie Namen, Ansprechpersonen und Beispiele an Ihr Unternehmen an; die Nummern und Anker der Abschnitte bleiben, damit die Hinweise der Richtlinienprüfung auf den richtigen Abschnitt zeigen.*

## 1 Wozu diese Richtlinie da ist

Social Media ist Dialog, kein Monolog: Menschen stellen Fragen und erwarten eine Antwort, und zwar bald. Das gelingt nur, wenn viele mitmachen – und wenn alle wissen, was gilt. Diese Richtlinie sagt es in einfachen Worten.

Sie gilt für alle Beschäftigten,

- die für das Unternehmen posten oder antworten (**Unternehmenskanäle**), und
- die auf ihren eigenen Accounts über ihre Arbeit, das Unternehmen oder seine Produkte schreiben (**eigene Kanäle**).

Bevor Sie zum ersten Mal posten, bestätigen Sie in Chorus, dass Sie diese Richtlinie gelesen haben, und absolvieren die vorgeschriebenen Schulungen. Erscheint eine neue Version, bestätigen Sie sie erneut.

Chorus prüft jeden Text vor dem Senden gegen die Regeln dieser Richtlinie. Jeder Hinweis nennt den Abschnitt, aus dem er kommt – die Nummern unten.

## 2 Vertraulichkeit

Was Sie im Unternehmen erfahren, bleibt im Unternehmen, solange es nicht ausdrücklich veröffentlicht ist. Ihre Verschwiegenheitspflicht aus dem Arbeitsvertrag gilt in Social Media genauso wie überall sonst – auch in Direktnachrichten, auch in geschlossenen Gruppen, auch nach Feierabend.

### 2.1 Bankverbindungen {#confidentiality.bank-data}

IBANs und Kontonummern von Kundinnen, Kunden, Geschäftspartnern und Kolleginnen und Kollegen gehören nie in einen Beitrag, eine Antwort oder eine Direktnachricht. Bitten Sie Menschen, die Ihnen ihre Kontodaten öffentlich schreiben, um einen sicheren Weg (Kundenportal, Telefon) und lassen Sie den Beitrag vom Social-Media-Team ausblenden. Ausnahme: Konten, die das Unternehmen ausdrücklich veröffentlicht (etwa ein Spendenkonto).

### 2.2 Kartendaten {#confidentiality.payment-cards}

Kreditkarten- und Debitkartennummern werden nie veröffentlicht, auch nicht teilweise oder „nur zur Veranschaulichung“. Wer sie kennt, kann damit betrügen.

### 2.3 Steuerdaten {#confidentiality.tax-data}

Die Steuer-Identifikationsnummer begleitet einen Menschen ein Leben lang und unterliegt dem Steuergeheimnis. Sie hat in Social Media nichts zu suchen.

### 2.4 Kundendaten {#confidentiality.customer-data}

Nennen Sie Kundinnen und Kunden nur, wenn sie schriftlich zugestimmt haben. Kundennummern, Vertragsnummern, Bestellungen und alles, was einen Menschen oder ein Unternehmen als unseren Kunden erkennbar macht, bleiben intern. Auch eine Antwort auf eine öffentliche Beschwerde bestätigt nicht, dass jemand Kunde ist, bevor die Person es selbst gesagt hat.

### 2.5 Interne Projekt- und Codenamen {#confidentiality.internal-names}

Interne Projekt- und Codenamen verraten Vorhaben, bevor das Unternehmen sie ankündigt. Verwenden Sie sie nicht öffentlich, auch nicht als Andeutung („bald kommt Projekt …“). Die Liste der internen Namen pflegt das Social-Media-Team in den Regeln von Chorus.

## 3 Kontaktdaten {#privacy.contact-data}

E-Mail-Adressen und Telefonnummern sind personenbezogene Daten. Veröffentlichen Sie nur die freigegebenen Sammeladressen und Service-Nummern des Unternehmens, nie persönliche Durchwahlen oder Adressen von Kolleginnen, Kollegen, Kundinnen und Kunden. Wer um Rückruf bittet, schreibt seine Nummer per Direktnachricht – nicht in einen öffentlichen Beitrag.

## 4 Auftreten und Ton

### 4.1 Ton und Sprache {#conduct.language}

Schreiben Sie freundlich, klar und ehrlich – so, wie Sie mit einem Kunden am Telefon sprechen würden. Keine Beleidigungen, keine Abwertung, keine Versprechen, die das Unternehmen nicht halten kann (etwa garantierte Renditen oder „risikolose“ Angebote). Bleiben Sie sachlich, auch wenn andere es nicht sind; eine Diskussion, die kippt, übergeben Sie dem Social-Media-Team.

### 4.2 Umgang mit Wettbewerbern {#conduct.competitors}

Äußern Sie sich über Wettbewerber respektvoll oder gar nicht. Vergleiche mit Wettbewerbern sind Werbung und rechtlich heikel; sie bleiben der Kommunikationsabteilung vorbehalten.

## 5 Offenlegung der Beschäftigung {#transparency.disclosure}

Wenn Sie auf Ihrem eigenen Account über Produkte oder Leistungen des Unternehmens schreiben, sagen Sie dazu, dass Sie hier arbeiten – zum Beispiel mit **#Mitarbeiter** oder „Ich arbeite bei …“. Verdeckte Werbung ist unlauter und schadet Ihrer Glaubwürdigkeit und unserer. Beim Teilen von Beiträgen aus Chorus wird der Hinweis vorgeschlagen; lassen Sie ihn stehen.

## 6 Links {#links.safe-links}

Verlinken Sie auf die Seiten des Unternehmens und auf vertrauenswürdige Quellen. Keine Kurzlinks, deren Ziel niemand sieht, und keine Tracking-Parameter von Dritten – Chorus verfolgt Links selbst. Manche Domains dürfen gar nicht verlinkt werden; Chorus weist darauf hin.

## 7 Hashtags und Erwähnungen {#campaigns.hashtags-mentions}

Für Kampagnen legt das Social-Media-Team Hashtags fest, die in Beiträge dieser Kampagne gehören. Manche Hashtags und Accounts sind tabu, weil das Unternehmen zu diesen Themen nicht Stellung nimmt (etwa Wahlkampf oder Anlagetipps). Erwähnen Sie Aufsichtsbehörden, Journalistinnen und Journalisten nur nach Absprache.

## 8 Regeln je Netzwerk {#channels.network-rules}

Jedes Netzwerk hat eigene Längen, Formate und Gepflogenheiten. Chorus zeigt die Grenzen beim Schreiben an. In manchen Netzwerken postet das Unternehmen nicht, oder nur über bestimmte Kanäle; Beiträge dorthin werden blockiert.

## 9 Für das Unternehmen sprechen

### 9.1 Wer spricht

Für das Unternehmen sprechen die Kolleginnen und Kollegen, die in Chorus Zugang zu den Unternehmenskanälen haben. Auf eigenen Accounts sprechen Sie für sich: Machen Sie deutlich, dass es Ihre Meinung ist, wenn Sie sich zu Themen des Unternehmens äußern.

### 9.2 Im Dialog antworten

Fragen und Beschwerden verdienen eine schnelle Antwort. Wenn Sie die Antwort nicht kennen, sagen Sie, dass Sie sich kümmern, und holen Sie sie bei den Fachleuten im Haus. Nichts erfinden, nichts beschönigen.

### 9.3 Krisen: eine Stimme

Im Krisenfall spricht nur das Krisenteam. Geplante Beiträge und automatische Antworten werden angehalten. Äußern Sie sich in dieser Zeit nicht selbst zum Thema, auch nicht auf eigenen Accounts, sondern verweisen Sie auf die offiziellen Stellungnahmen.

## 10 Prüfung, Ausnahmen und Nachprüfung

Chorus prüft jeden Text vor dem Senden. Ein **blockierender** Hinweis verhindert das Veröffentlichen; eine **Warnung** weist auf ein Risiko hin, das Sie abwägen. Wer eine Blockierung übergehen darf, muss das begründen. Jede Ausnahme wird protokolliert und von Compliance nachgeprüft; Beiträge, die mit Warnungen veröffentlicht wurden, ebenso.

### 10.1 Vollständige Prüfung {#engine.integrity}

Ein Text gilt erst als geprüft, wenn die Prüfung vollständig gelaufen ist. Konnte sie nicht vollständig laufen, wird der Text wie ein blockierter behandelt, bis eine vollständige Prüfung gelingt.

## 11 Folgen von Verstößen

Ein Verstoß gegen diese Richtlinie ist ein Verstoß gegen Pflichten aus dem Arbeitsvertrag. Je nach Schwere folgen ein klärendes Gespräch, der Entzug der Posting-Rechte in Chorus, eine Abmahnung oder weitere arbeitsrechtliche Schritte. Wer vertrauliche Daten veröffentlicht, kann Meldepflichten nach der DSGVO auslösen und das Unternehmen haftbar machen. Wer einen Fehler bemerkt – den eigenen oder einen fremden –, meldet ihn sofort dem Social-Media-Team: Schnell korrigiert ist halb so schlimm.

## 12 Fragen und Ansprechpersonen

Bei Fragen zu dieser Richtlinie wenden Sie sich an das Social-Media-Team oder an Compliance. Vorschläge für eine bessere Richtlinie sind willkommen.
`;
