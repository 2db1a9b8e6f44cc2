import { useCallback, useMemo, useState } from 'react';
import type { Channel } from '../../../api/channels.ts';
import type { CheckGroup, GroupVerdict } from './composer-guidelines.tsx';
import type { Draft } from './draft-state.ts';

/**
 * The texts to check: each channel with its own text alone, the channels sharing the base text together
 * per network and kind of channel (the rules differ by both). Keys do not contain the text, so a check
 * keeps its last answer on screen while the next keystroke is checked.
 */
export function checkGroups(draft: Draft, channels: Map<string, Channel>): CheckGroup[] {
  const departmentId = draft.departmentId;
  if (draft.targets.length === 0)
    return [{ key: 'base', text: draft.baseText, context: { departmentId }, channels: [] }];
  const groups = new Map<string, CheckGroup>();
  for (const target of draft.targets) {
    const channel = channels.get(target.channelId);
    const network = channel?.network;
    const channelOwnership = channel?.ownership ?? 'company';
    const name = channel?.name ?? target.channelId;
    const key =
      target.variantText === null ? `base:${network ?? ''}:${channelOwnership}` : `own:${target.channelId}`;
    const group = groups.get(key);
    if (group) group.channels.push(name);
    else
      groups.set(key, {
        key,
        text: target.variantText ?? draft.baseText,
        context: { network, channelOwnership, departmentId },
        channels: [name],
      });
  }
  return [...groups.values()];
}

/** Collects each check's verdict into one: does anything block or warn, is anything still being checked. */
export function useGuidelineVerdicts(groups: CheckGroup[]) {
  const [verdicts, setVerdicts] = useState<Record<string, GroupVerdict>>({});
  const onVerdict = useCallback((key: string, v: GroupVerdict) => {
    setVerdicts((prev) => {
      const old = prev[key];
      if (old && old.blocked === v.blocked && old.warned === v.warned && old.checking === v.checking)
        return prev;
      return { ...prev, [key]: v };
    });
  }, []);
  const summary = useMemo(() => {
    const current = groups.flatMap((g) => (verdicts[g.key] ? [verdicts[g.key]!] : []));
    return {
      blocked: current.some((v) => v.blocked),
      warned: current.some((v) => v.warned),
      checking: current.some((v) => v.checking),
    };
  }, [groups, verdicts]);
  return { onVerdict, summary };
}
