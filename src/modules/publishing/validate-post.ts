import type { Capabilities } from '../../connectors/connector.ts';
import { capabilitiesOf } from '../../connectors/registry.ts';
import { measureText } from '../../connectors/text-length.ts';
import { message } from '../../platform/http/messages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { TargetWithChannel } from './repo.ts';

export interface MediaMeta {
  mimeType: string;
  sizeBytes: number;
  altText: string;
  filename: string;
}

export interface PostIssue {
  code: string;
  channelId: string | null;
  params: Record<string, string | number>;
}

export const textOf = (t: { variantText: string | null }, baseText: string) => t.variantText ?? baseText;

export function capabilitiesFor(network: string): Capabilities {
  return capabilitiesOf(network as Parameters<typeof capabilitiesOf>[0]);
}

/**
 * What stops a post from going out on each of its channels, as each network counts and limits it. The
 * composer shows these as the user types; scheduling refuses while any remains.
 */
export function validatePost(
  baseText: string,
  targets: readonly TargetWithChannel[],
  media: readonly MediaMeta[],
): PostIssue[] {
  const issues: PostIssue[] = [];
  if (targets.length === 0) issues.push({ code: 'issue_no_channel', channelId: null, params: {} });
  for (const m of media) {
    if (m.altText.trim() === '')
      issues.push({ code: 'issue_alt_text_missing', channelId: null, params: { file: m.filename } });
  }
  for (const t of targets) {
    const channel = t.channel.name;
    if (t.channel.removed) {
      issues.push({ code: 'issue_channel_removed', channelId: t.channelId, params: { channel } });
      continue;
    }
    const caps = capabilitiesFor(t.channel.network);
    const text = textOf(t, baseText);
    if (text.trim() === '' && media.length === 0)
      issues.push({ code: 'issue_empty', channelId: t.channelId, params: { channel } });
    const len = measureText(text, caps);
    if (len.used > len.max)
      issues.push({
        code: 'issue_too_long',
        channelId: t.channelId,
        params: { channel, used: len.used, max: len.max },
      });
    if (len.bytes !== undefined && len.maxBytes !== undefined && len.bytes > len.maxBytes)
      issues.push({
        code: 'issue_too_many_bytes',
        channelId: t.channelId,
        params: { channel, used: len.bytes, max: len.maxBytes },
      });
    if (media.length > caps.media.maxCount)
      issues.push({
        code: 'issue_too_many_media',
        channelId: t.channelId,
        params: { channel, max: caps.media.maxCount },
      });
    for (const m of media) {
      if (!caps.media.mimeTypes.includes(m.mimeType))
        issues.push({
          code: 'issue_media_type',
          channelId: t.channelId,
          params: { channel, file: m.filename, type: m.mimeType },
        });
      else if (m.sizeBytes > caps.media.maxBytes)
        issues.push({
          code: 'issue_media_too_large',
          channelId: t.channelId,
          params: { channel, file: m.filename, maxKb: Math.floor(caps.media.maxBytes / 1024) },
        });
      if ([...new Intl.Segmenter().segment(m.altText)].length > caps.media.maxAltTextChars)
        issues.push({
          code: 'issue_alt_text_too_long',
          channelId: t.channelId,
          params: { channel, file: m.filename, max: caps.media.maxAltTextChars },
        });
    }
  }
  return issues;
}

export function renderIssues(issues: readonly PostIssue[], locale: Locale) {
  return issues.map((i) => ({
    code: i.code,
    channelId: i.channelId,
    message: message(i.code, locale, i.params).detail,
  }));
}
