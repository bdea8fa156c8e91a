import { Tab, TabList } from '@fluentui/react-components';

/** The workbook's sheet tabs, as Excel shows them under the grid. */
export function SheetTabs({
  sheets,
  active,
  onSelect,
}: {
  sheets: readonly string[];
  active: string;
  onSelect(sheet: string): void;
}) {
  return (
    <TabList
      size="small"
      selectedValue={active}
      onTabSelect={(_, d) => onSelect(String(d.value))}
      aria-label="工作表"
    >
      {sheets.map((s) => (
        <Tab key={s} value={s} data-sheet={s}>
          {s}
        </Tab>
      ))}
    </TabList>
  );
}
