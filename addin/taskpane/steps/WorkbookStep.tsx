import { SetUpPanel } from '../settings/SetUpPanel';
import { SettingsPanel } from '../settings/SettingsPanel';
import { useSettingsData } from '../settings/useSettingsData';

/** Set-up and settings: the registers first, then the unit's settings sheets. */
export function WorkbookStep() {
  const settings = useSettingsData();
  return (
    <>
      <SetUpPanel onDone={() => void settings.reload()} />
      <SettingsPanel data={settings.data} version={settings.version} error={settings.error} />
    </>
  );
}
