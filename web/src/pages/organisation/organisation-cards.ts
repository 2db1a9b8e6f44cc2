import type { TFunction } from 'i18next';
import type { Me } from '../../api/types.ts';
import type { LinkCard } from '../../components/link-cards.tsx';
import { can } from '../../session/session-context.ts';
import { ORGANISATION_PAGES } from '../areas/areas.ts';

/** The organisation pages this user may open, as cards for the start and organisation pages. */
export function organisationCards(t: TFunction, me: Me): LinkCard[] {
  return ORGANISATION_PAGES.filter((page) => !page.permission || can(me, page.permission)).map((page) => ({
    to: page.path,
    title: t(`organisation.${page.id}.title`),
    text: t(`organisation.${page.id}.summary`),
  }));
}
