const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** The server's rule for a domain name, checked here too so a typo is named before the provider is asked. */
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+${LABEL}$`);

export const MAX_SSO_DOMAINS = 50;

/**
 * People paste what they have at hand: "@Beispiel.de" or a whole address. Each means its domain, in the
 * lower case the server stores, once.
 */
export function normaliseDomains(values: readonly string[]): string[] {
  const domains = values.map((value) => domainOf(value.trim()).trim());
  return [...new Set(domains.filter((domain) => domain.length > 0))];
}

/** The first entry that is not a domain name, to name it in the message. */
export function firstInvalidDomain(domains: readonly string[]): string | undefined {
  return domains.find((domain) => !DOMAIN.test(domain));
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
