import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UnitNode, UnitsResponse } from '../../../shared';
import type { CloudOperations } from '../../cloud/operations';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The units as a tree: each unit's children under it, in the order the cloud lists them. */
function ordered(units: readonly UnitNode[]): { node: UnitNode; depth: number }[] {
  const ids = new Set(units.map((u) => u.unitId));
  const children = new Map<string, UnitNode[]>();
  for (const u of units) {
    // A unit whose parent is outside the list is a root of what the caller sees.
    const parent = ids.has(u.parentId) ? u.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { node: UnitNode; depth: number }[] = [];
  const walk = (parent: string, depth: number, seen: Set<string>) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.unitId)) continue;
      seen.add(u.unitId);
      out.push({ node: u, depth });
      walk(u.unitId, depth + 1, seen);
    }
  };
  walk('', 0, new Set());
  return out;
}

/** 单位树, for administrators: the units below this one, and setting a unit's parent (the scope rule applies). */
export function UnitTree({ cloud }: { cloud: CloudOperations }) {
  const { t } = useI18n();
  const styles = useStyles();
  const tree = useTask<UnitsResponse>();
  const save = useTask<{ unit: string; parent: string }>();
  const [unit, setUnit] = useState(cloud.unitId);
  const [parent, setParent] = useState('');
  const load = () => void tree.run(() => cloud.escalations.units());
  const done = save.result;
  return (
    <section aria-label={t('units.title')}>
      <Body1>
        <strong>{t('units.title')}</strong>
      </Body1>
      <Caption1>{t('units.intro')}</Caption1>
      <Button disabled={tree.busy} onClick={load}>
        {t('units.load')}
      </Button>
      {tree.result && (
        <ul className={styles.list} aria-label={t('units.title')}>
          {ordered(tree.result.units).map(({ node, depth }) => (
            <li key={node.unitId} style={{ marginLeft: `${depth * 16}px` }}>
              {t('units.unit', { name: node.name || node.unitId, id: node.unitId })} ·{' '}
              {node.parentId ? t('units.parentOf', { parent: node.parentId }) : t('units.top')} ·{' '}
              {node.lastSyncAt
                ? t('units.lastSync', { time: node.lastSyncAt.slice(0, 16).replace('T', ' ') })
                : t('units.never')}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Field label={t('units.child')}>
          <Input value={unit} onChange={(_, d) => setUnit(d.value.trim())} />
        </Field>
        <Field label={t('units.parent')}>
          <Input value={parent} onChange={(_, d) => setParent(d.value.trim())} />
        </Field>
        <Button
          disabled={save.busy || !unit}
          onClick={() =>
            void save
              .run(async () => {
                await cloud.escalations.setParent(unit, parent);
                return { unit, parent };
              })
              .then((r) => r && tree.result && load())
          }
        >
          {t('units.set')}
        </Button>
      </div>
      <ErrorBar error={tree.error ?? save.error} />
      {done && (
        <Notice intent="success">
          {done.parent
            ? t('units.saved', { unit: done.unit, parent: done.parent })
            : t('units.detached', { unit: done.unit })}
        </Notice>
      )}
    </section>
  );
}
