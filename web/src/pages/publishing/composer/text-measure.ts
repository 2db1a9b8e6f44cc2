import { measureText, type TextMeasure } from '../../../../../src/connectors/text-length.ts';
import type { ChannelCapabilities } from '../../../api/channels.ts';

export type { TextMeasure };

/**
 * The length of a text as the channel's network counts it (graphemes, URLs as fixed length, bytes where
 * limited): the same pure function the server and the connectors use, so the counter never disagrees
 * with what the network will accept.
 */
export const measureFor = (text: string, capabilities: ChannelCapabilities): TextMeasure =>
  measureText(text, capabilities);
