/**
 * "This page": how many mentions the active tab has and the list of them, or, when there is
 * nothing to list, why (off, off for this site, no access, a page Backstory cannot run on).
 */
import type { ComponentChildren } from 'preact';
import { TOPIC_IDS } from '../core/types';
import { t, tPlural } from '../shared/i18n';
import { isSiteDisabled, type Settings } from '../shared/settings';
import { MentionList } from './MentionList';
import type { PageState } from './page-state';
import type { HostAccess } from './use-host-access';

interface PageSectionProps {
  page: PageState;
  settings: Settings;
  access: HostAccess;
  hostname: string | undefined;
  onReveal(index: number): void;
  /** The per-site switch, shown at the end of the section it belongs to. */
  children?: ComponentChildren;
}

interface Status {
  text: string;
  hint?: string;
  /** Marks the state for tests and styling. */
  kind: string;
}

function pageStatus({ page, settings, access, hostname }: PageSectionProps): Status {
  if (access === 'missing') return { kind: 'no-access', text: t('popup_pageNeedsAccess') };
  if (page.kind === 'unavailable') {
    return { kind: 'unavailable', text: t('popup_cannotRun'), hint: t('popup_cannotRunHint') };
  }
  if (!settings.enabled) return { kind: 'off', text: t('popup_offEverywhere') };
  if (hostname && isSiteDisabled(settings, hostname)) {
    return { kind: 'site-off', text: t('popup_offOnSite', hostname) };
  }
  if (TOPIC_IDS.every((topic) => !settings.topics[topic])) {
    return { kind: 'topics-off', text: t('popup_allTopicsOff') };
  }
  // Settings say on but the page has not caught up yet (or has not answered): wait for it.
  if (page.kind === 'loading' || !page.reply.active) {
    return { kind: 'loading', text: t('popup_loading') };
  }
  const count = page.reply.mentions.length;
  if (count === 0) return { kind: 'none', text: t('popup_noMentions') };
  return { kind: 'count', text: tPlural('popup_count', count), hint: t('popup_mentionsHint') };
}

export function PageSection(props: PageSectionProps) {
  const status = pageStatus(props);
  const { page } = props;
  return (
    <section class="page" aria-labelledby="page-title">
      <h2 id="page-title">{t('popup_pageHeading')}</h2>
      {/* A live region: the count is read out when it changes while the popup is open. */}
      <p class="status" role="status" data-state={status.kind}>
        {status.text}
      </p>
      {status.hint && <p class="hint">{status.hint}</p>}
      {status.kind === 'count' && page.kind === 'ready' && (
        <MentionList mentions={page.reply.mentions} onReveal={props.onReveal} />
      )}
      {props.children && <div class="site">{props.children}</div>}
    </section>
  );
}
