/** The tab the popup describes: undefined while looking, null when there is none. */
import { useEffect, useState } from 'preact/hooks';
import { findTargetTab, type TargetTab } from './target-tab';

export function useTargetTab(): TargetTab | null | undefined {
  const [tab, setTab] = useState<TargetTab | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void findTargetTab().then((found) => live && setTab(found ?? null));
    return () => {
      live = false;
    };
  }, []);
  return tab;
}
