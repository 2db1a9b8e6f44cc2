import { Switch, type SwitchProps } from '@mantine/core';

/**
 * Mantine wraps a switch's description in its <label>, so screen readers would read the description as
 * part of the switch's name and then again as its description; naming it by its label alone avoids that.
 */
export function DescribedSwitch({ label, ...props }: Omit<SwitchProps, 'label'> & { label: string }) {
  return <Switch label={label} aria-label={label} {...props} />;
}
