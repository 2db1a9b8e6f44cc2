import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // A focus ring for every keyboard focus, none for mouse clicks.
  focusRing: 'auto',
  defaultRadius: 'sm',
});
