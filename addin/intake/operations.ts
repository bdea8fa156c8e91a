// The pane's hold on the union's intake keys: the wrapped store is read from and written to the
// workbook on each act; the unwrapped keys live only in this object's memory, gone when the pane closes.
import { say } from '../../shared';
import type { ExcelRun } from '../excel/context';
import { readIntakeKeys, writeIntakeKeys } from '../excel/intakeKeys';
import { IntakeError, type IntakeKeyring } from './envelope';
import {
  changePassphrase,
  createUnitKey,
  currentPublicKey,
  noIntakeKeys,
  rotateUnitKey,
  unlockUnitKeys,
  type UnitKeys,
} from './keys';
import type { IntakeKeyStatus, IntakeOperations } from '../taskpane/operations';

/** The intake key operations over a workbook reached through `run`. */
export function createIntakeOperations(run: ExcelRun): IntakeOperations {
  let keyring: IntakeKeyring | null = null;

  const statusOf = (stored: UnitKeys): IntakeKeyStatus => ({
    ...currentPublicKey(stored),
    keys: stored.keys.length,
    unlocked: keyring !== null && stored.keys.every((k) => keyring?.has(k.kid)),
  });
  const stored = async (): Promise<UnitKeys> => {
    const s = await readIntakeKeys(run);
    if (!s) throw noIntakeKeys();
    return s;
  };

  return {
    status: async () => {
      const s = await readIntakeKeys(run);
      return s ? statusOf(s) : null;
    },
    create: async (passphrase) => {
      // Never over an existing store: the old keys would be lost, and with them every submission to them.
      if (await readIntakeKeys(run))
        throw new IntakeError(
          'bad-store',
          say(
            '本工作簿已有收件密钥；如需新密钥请用“轮换密钥”，旧诉求仍可读取',
            'this workbook already has intake keys; rotate to get a new one (old submissions stay readable)',
          ),
        );
      const made = await createUnitKey(passphrase);
      await writeIntakeKeys(run, made.stored);
      keyring = made.keyring;
      return statusOf(made.stored);
    },
    unlock: async (passphrase) => {
      const s = await stored();
      keyring = (await unlockUnitKeys(s, passphrase)).keyring;
      return statusOf(s);
    },
    changePassphrase: async (oldPassphrase, newPassphrase) => {
      const s = await changePassphrase(await stored(), oldPassphrase, newPassphrase);
      await writeIntakeKeys(run, s);
      return statusOf(s);
    },
    rotate: async (passphrase) => {
      const rotated = await rotateUnitKey(await stored(), passphrase);
      await writeIntakeKeys(run, rotated.stored);
      keyring = rotated.keyring;
      return statusOf(rotated.stored);
    },
    keyring: () => keyring,
    lock: () => {
      keyring = null;
    },
  };
}
