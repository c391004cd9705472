/**
 * The toolbar popup: the main switch, what this page has (with a way to each mention), the
 * per-site and per-topic switches and the badge switch. Every change goes to storage, where
 * content scripts in all tabs and the background watch it, so it takes effect live.
 */
import { TOPIC_IDS } from '../core/types';
import { t } from '../shared/i18n';
import { isSiteDisabled, withSiteDisabled, withTopic } from '../shared/settings';
import { AccessNotice } from './AccessNotice';
import { PageSection } from './PageSection';
import { revealMention } from './reveal';
import { Switch } from './Switch';
import { hostnameOf } from './target-tab';
import { topicName } from './topic-names';
import { useHostAccess } from './use-host-access';
import { usePage } from './use-page';
import { useSettings } from './use-settings';
import { useTargetTab } from './use-target-tab';

export function App() {
  const { settings, change, saveFailed } = useSettings();
  const access = useHostAccess();
  const tab = useTargetTab();
  const page = usePage(tab, settings);
  // The content script knows its host; the tab's URL is only a fallback (often hidden).
  const hostname =
    (page.kind === 'ready' ? page.reply.hostname : undefined) ?? hostnameOf(tab?.url);

  if (!settings) return <main aria-busy="true" />;

  return (
    <main>
      <header>
        <h1>{t('extensionName')}</h1>
        <Switch
          name="enabled"
          label={t('popup_mainSwitch')}
          hint={t('popup_mainSwitchHint')}
          checked={settings.enabled}
          onChange={(on) => change((s) => ({ ...s, enabled: on }))}
        />
      </header>

      {access === 'missing' && <AccessNotice />}
      {saveFailed && (
        <p class="error" role="alert">
          {t('popup_saveFailed')}
        </p>
      )}

      <PageSection
        page={page}
        settings={settings}
        access={access}
        hostname={hostname}
        onReveal={(index) => tab && void revealMention(tab.id, index)}
      >
        {hostname && (
          <Switch
            name="site"
            label={t('popup_siteSwitch', hostname)}
            checked={!isSiteDisabled(settings, hostname)}
            onChange={(on) => change((s) => withSiteDisabled(s, hostname, !on))}
          />
        )}
      </PageSection>

      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t('popup_topicsHeading')}</h2>
        {TOPIC_IDS.map((topic) => (
          <Switch
            key={topic}
            name={`topic-${topic}`}
            label={topicName(topic)}
            checked={settings.topics[topic]}
            onChange={(on) => change((s) => withTopic(s, topic, on))}
          />
        ))}
      </section>

      <footer>
        <Switch
          name="badge"
          label={t('popup_badgeSwitch')}
          checked={settings.showBadge}
          onChange={(on) => change((s) => ({ ...s, showBadge: on }))}
        />
      </footer>
    </main>
  );
}
