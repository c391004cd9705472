/** The settings as the popup shows them: loaded once, kept live, changed through storage. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings, type Settings } from '../shared/settings';

export interface SettingsHandle {
  /** Undefined until the first read finishes (a few milliseconds). */
  settings: Settings | undefined;
  change(edit: (settings: Settings) => Settings): void;
  /** True after a write failed; the switches then show what storage really holds. */
  saveFailed: boolean;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // A change seen by the watcher is newer than the first read, whichever resolves last.
    let changed = false;
    const stop = watchSettings((next) => {
      changed = true;
      if (live) setSettings(next);
    });
    void loadSettings().then((first) => {
      if (live && !changed) setSettings(first);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const change = useCallback((edit: (settings: Settings) => Settings) => {
    // Show the new state at once; storage confirms (or corrects) it a moment later.
    setSettings((current) => (current ? edit(current) : current));
    updateSettings(edit).then(
      (saved) => {
        setSaveFailed(false);
        setSettings(saved);
      },
      () => {
        setSaveFailed(true);
        void loadSettings().then(setSettings);
      },
    );
  }, []);

  return { settings, change, saveFailed };
}
