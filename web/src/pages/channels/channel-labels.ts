import type { TFunction } from 'i18next';
import type { Channel, Network } from '../../api/channels.ts';

const NETWORK_KEYS = {
  sandbox: 'channels.networks.sandbox',
  mastodon: 'channels.networks.mastodon',
  bluesky: 'channels.networks.bluesky',
} as const satisfies Record<Network, string>;

export function networkLabel(t: TFunction, network: Network): string {
  return t(NETWORK_KEYS[network]);
}

const HEALTH_KEYS = {
  active: 'channels.health.active',
  needs_reauth: 'channels.health.needs_reauth',
} as const satisfies Record<Channel['health']['status'], string>;

export function healthLabel(t: TFunction, status: Channel['health']['status']): string {
  return t(HEALTH_KEYS[status]);
}

/** ISO weekdays as the API counts them: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const isWeekday = (n: number): n is Weekday => (WEEKDAYS as readonly number[]).includes(n);

export function weekdayLabel(t: TFunction, weekday: number): string {
  return isWeekday(weekday) ? t(`channels.weekdays.${weekday}`) : String(weekday);
}
