// The template guideline in English, section for section the German one (template-guideline-de.ts).
export const TEMPLATE_TITLE_EN = 'Social media guideline';

export const TEMPLATE_BODY_EN = `# Social media guideline

*A template from Chorus. Adapt names, contacts and examples to your company; keep the section numbers and anchors, so that the guideline check's findings point at the right section.*

## 1 What this guideline is for

Social media is a dialogue, not a monologue: people ask questions and expect an answer, and soon. That only works when many take part – and when everybody knows the rules. This guideline states them in plain words.

It applies to every employee

- who posts or replies for the company (**company channels**), and
- who writes on their own accounts about their work, the company or its products (**personal channels**).

Before you post for the first time, you confirm in Chorus that you have read this guideline, and you complete the required training. When a new version is published, you acknowledge it again.

Chorus checks every text against the rules of this guideline before it is sent. Every finding names the section it comes from – the numbers below.

## 2 Confidentiality

What you learn at work stays at work unless it has been made public. The confidentiality you agreed to in your employment contract applies on social media as everywhere else – in direct messages, in closed groups and after work, too.

### 2.1 Bank details {#confidentiality.bank-data}

IBANs and account numbers of customers, business partners and colleagues never belong in a post, a reply or a direct message. When people write their account details publicly, point them to a safe way (customer portal, phone) and have the social media team hide their post. The exception: accounts the company publishes itself, such as a donation account.

### 2.2 Payment card data {#confidentiality.payment-cards}

Credit and debit card numbers are never published, not even in part or "as an example". Whoever knows them can commit fraud with them.

### 2.3 Tax identifiers {#confidentiality.tax-data}

The German tax identification number stays with a person for life and is protected by tax secrecy. It has no place on social media.

### 2.4 Customer data {#confidentiality.customer-data}

Name customers only with their written consent. Customer numbers, contract numbers, orders and anything else that shows a person or a company to be our customer stay internal. Even a reply to a public complaint does not confirm that someone is a customer before they have said so themselves.

### 2.5 Internal code names {#confidentiality.internal-names}

Internal project and code names reveal plans before the company announces them. Do not use them in public, not even as a hint ("project … is coming soon"). The social media team keeps the list of internal names in Chorus's rules.

## 3 Contact details {#privacy.contact-data}

E-mail addresses and phone numbers are personal data. Publish only the company's approved shared addresses and service numbers – never personal extensions or addresses of colleagues or customers. Someone who asks to be called back sends their number by direct message, not in a public post.

## 4 Conduct

### 4.1 Tone and language {#conduct.language}

Write in a friendly, clear and honest way – the way you would speak to a customer on the phone. No insults, no belittling, no promises the company cannot keep (such as guaranteed returns or "risk-free" offers). Stay factual even when others are not; hand a discussion that turns sour over to the social media team.

### 4.2 Competitors {#conduct.competitors}

Speak of competitors with respect or not at all. Comparisons with competitors are advertising and legally delicate; they are left to the communications department.

## 5 Disclosing your employment {#transparency.disclosure}

When you write about the company's products or services on your own account, say that you work here – for example with **#employee** or "I work at …". Hidden advertising is unfair and harms your credibility and ours. When you share posts from Chorus, the disclosure is suggested; leave it in.

## 6 Links {#links.safe-links}

Link to the company's pages and to trustworthy sources. No short links whose target nobody can see, and no third-party tracking parameters – Chorus tracks links itself. Some domains must not be linked at all; Chorus points them out.

## 7 Hashtags and mentions {#campaigns.hashtags-mentions}

For campaigns the social media team sets hashtags that belong in that campaign's posts. Some hashtags and accounts are off limits because the company does not comment on those topics (such as elections or investment tips). Mention regulators and journalists only after consulting the team.

## 8 Rules per network {#channels.network-rules}

Every network has its own lengths, formats and customs. Chorus shows the limits while you write. On some networks the company does not post, or only through certain channels; posts there are blocked.

## 9 Speaking for the company

### 9.1 Who speaks

The colleagues who have access to the company channels in Chorus speak for the company. On your own account you speak for yourself: make clear that it is your opinion when you comment on matters of the company.

### 9.2 Answering in the dialogue

Questions and complaints deserve a quick answer. If you do not know it, say that you are on it, and get it from the experts in the company. Invent nothing, gloss over nothing.

### 9.3 Crises: one voice

In a crisis only the crisis team speaks. Scheduled posts and automatic replies are held. During that time do not comment on the matter yourself, not even on your own accounts; point to the official statements instead.

## 10 Checks, overrides and review

Chorus checks every text before it is sent. A **blocking** finding prevents publishing; a **warning** points to a risk for you to weigh. Whoever may override a block must give a reason. Every override is recorded and reviewed by compliance, and so are posts published with warnings.

### 10.1 Complete checks {#engine.integrity}

A text counts as checked only once the check has run completely. If it could not run completely, the text is treated as blocked until a complete check succeeds.

## 11 Consequences of breaking the rules

Breaking this guideline breaches duties under your employment contract. Depending on how serious it is, what follows is a clarifying talk, withdrawal of your posting rights in Chorus, a formal warning or further steps under employment law. Publishing confidential data can trigger notification duties under the GDPR and make the company liable. If you notice a mistake – yours or someone else's – tell the social media team at once: quickly corrected is half as bad.

## 12 Questions and contacts

If you have questions about this guideline, ask the social media team or compliance. Suggestions for a better guideline are welcome.
`;
