import { MessageBar, MessageBarBody, type MessageBarIntent } from '@fluentui/react-components';

/** A one-line message under a form or button: success, information or warning. */
export function Notice({
  intent = 'success',
  children,
}: {
  intent?: MessageBarIntent;
  children: string | null | undefined;
}) {
  if (!children) return null;
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
