/** Shown when the user withheld access to sites (Firefox allows it): says why nothing runs. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { requestHostAccess } from './use-host-access';

export function AccessNotice() {
  const [denied, setDenied] = useState(false);
  return (
    <section class="notice" role="alert" aria-labelledby="access-title">
      <h2 id="access-title">{t('popup_accessTitle')}</h2>
      <p>{t('popup_accessText')}</p>
      <button
        type="button"
        class="primary"
        name="grant-access"
        // Called synchronously in the handler: the permission prompt needs the user's click.
        onClick={() => void requestHostAccess().then((granted) => setDenied(!granted))}
      >
        {t('popup_accessButton')}
      </button>
      {denied && <p class="error">{t('popup_accessDenied')}</p>}
    </section>
  );
}
