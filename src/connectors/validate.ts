import type { Capabilities, MediaUpload, PublishRequest } from './connector.ts';
import { countGraphemes, measureText } from './text-length.ts';

/**
 * Checks a post against a network's capabilities and says, in the words a person can act on, what is
 * wrong — or null. The sandbox refuses with these reasons as a real network would; the other connectors
 * run the same check before uploading anything, so a post that cannot go out fails before it half does.
 */
export function checkPost(req: Pick<PublishRequest, 'text' | 'media'>, caps: Capabilities): string | null {
  if (req.text.trim() === '' && req.media.length === 0) return 'a post needs text or media';
  const m = measureText(req.text, caps);
  if (m.used > m.max) return `the text is ${m.used} characters long; at most ${m.max} are allowed`;
  if (m.bytes !== undefined && m.maxBytes !== undefined && m.bytes > m.maxBytes) {
    return `the text is ${m.bytes} bytes long; at most ${m.maxBytes} are allowed`;
  }
  if (req.media.length > caps.media.maxCount) {
    return `${req.media.length} images attached; at most ${caps.media.maxCount} are allowed`;
  }
  for (const [i, media] of req.media.entries()) {
    const problem = checkMedia(media, caps);
    if (problem) return `image ${i + 1} (${media.filename}): ${problem}`;
  }
  return null;
}

function checkMedia(media: MediaUpload, caps: Capabilities): string | null {
  if (!caps.media.mimeTypes.includes(media.mimeType)) {
    return `type ${media.mimeType} is not accepted (allowed: ${caps.media.mimeTypes.join(', ')})`;
  }
  const sniffed = sniffImageType(media.data);
  if (sniffed !== media.mimeType) {
    return `the content is ${sniffed ?? 'not a known image format'}, not ${media.mimeType}`;
  }
  if (media.data.byteLength > caps.media.maxBytes) {
    return `${media.data.byteLength} bytes; at most ${caps.media.maxBytes} are allowed`;
  }
  const alt = countGraphemes(media.altText);
  if (alt > caps.media.maxAltTextChars) {
    return `the alt text is ${alt} characters long; at most ${caps.media.maxAltTextChars} are allowed`;
  }
  return null;
}

function startsWith(data: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((b, i) => data[offset + i] === b);
}

/** The image type the bytes say they are, from their signature; null when none of the usual ones. */
export function sniffImageType(data: Uint8Array): string | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}
