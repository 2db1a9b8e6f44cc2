import type { TFunction } from 'i18next';
import type { Me } from '../../api/types.ts';
import type { LinkCard } from '../../components/link-cards.tsx';
import { can } from '../../session/session-context.ts';
import { GOVERNANCE_PAGES } from '../areas/areas.ts';

/** The governance pages this user may open, as cards for the start and governance pages. */
export function governanceCards(t: TFunction, me: Me): LinkCard[] {
  return GOVERNANCE_PAGES.filter((page) => !page.permission || can(me, page.permission)).map((page) => ({
    to: page.path,
    title: t(`governance.${page.id}.title`),
    text: t(`governance.${page.id}.summary`),
  }));
}
