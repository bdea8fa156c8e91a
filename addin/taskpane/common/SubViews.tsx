import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  views: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** One of a step's alternative views. */
export interface SubView {
  readonly id: string;
  readonly title: string;
  render(): ReactNode;
}

/** A step's alternative views (register, edit, …) behind a row of tabs, so one form shows at a time. */
export function SubViews({ views, label }: { views: readonly SubView[]; label: string }) {
  const styles = useStyles();
  const [current, setCurrent] = useState(views[0]?.id ?? '');
  const view = views.find((v) => v.id === current) ?? views[0];
  return (
    <div className={styles.views}>
      <TabList
        appearance="subtle"
        size="small"
        selectedValue={view?.id}
        onTabSelect={(_, d) => setCurrent(String(d.value))}
        aria-label={label}
      >
        {views.map((v) => (
          <Tab key={v.id} value={v.id}>
            {v.title}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={view?.title}>
        {view?.render()}
      </div>
    </div>
  );
}
