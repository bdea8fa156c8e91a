import { makeStyles, tokens } from '@fluentui/react-components';

/** Layouts shared by the pane's forms and lists. */
export const useCommonStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '96px' },
});
