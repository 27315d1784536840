/**
 * Fluent UI web components (Microsoft's recommended look for Office add-ins). Only the
 * components the pane uses are registered, which keeps the first bundle small.
 */
import {
  fluentBadge,
  fluentButton,
  fluentDivider,
  fluentProgress,
  fluentRadio,
  fluentRadioGroup,
  provideFluentDesignSystem,
} from '@fluentui/web-components';

let registered = false;

export function registerFluent(): void {
  if (registered) return;
  registered = true;
  provideFluentDesignSystem().register(fluentBadge(), fluentButton(), fluentDivider(), fluentProgress(), fluentRadio(), fluentRadioGroup());
}
