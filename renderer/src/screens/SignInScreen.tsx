/**
 * The Windows sign-in screen after a Device-setup restart or for hybrid join (§1.1, §1.8, §7.5).
 *
 * A simulation: the engine signs in by itself, so the fields are read-only and only show what a user would face:
 * the password box's submit arrow and Sign-in options are there but do nothing (`aria-disabled`, described by the
 * simulation note), and the network, accessibility and power icons sit in the bottom-right corner.
 */
import type { JSX } from 'react';
import type { Look } from '../../../shared/snapshot';
import { FluentIcon } from '../components/fluentIcons';
import { AvatarGlyph } from '../components/glyphs';
import { OobeChrome } from '../components/OobeChrome';
import { useT } from '../i18n';
import '../styles/signin.css';

interface SignInScreenProps {
  look: Look;
  prefilledUser: string | null;
  domain: boolean;
}

/** `CONTOSO\user` or `user@contoso.com` name their domain; anything else does not. */
function domainOf(user: string | null): string | null {
  if (!user) return null;
  const slash = user.indexOf('\\');
  if (slash > 0) return user.slice(0, slash);
  const at = user.lastIndexOf('@');
  if (at > 0 && at < user.length - 1) return user.slice(at + 1);
  return null;
}

export function SignInScreen({ look, prefilledUser, domain }: SignInScreenProps): JSX.Element {
  const t = useT();
  return (
    <main data-screen="signIn" data-look={look} className={`sign-in look-${look}`}>
      <div className="sign-in-center">
        <AvatarGlyph />
        <h1 className="sign-in-title">{t('signIn.otherUser')}</h1>
        <div className="sign-in-fields">
          <label className="visually-hidden" htmlFor="sign-in-user">
            {t('signIn.userName')}
          </label>
          <input
            id="sign-in-user"
            className="sign-in-field"
            type="text"
            readOnly
            value={prefilledUser ?? ''}
            placeholder={t('signIn.userName')}
            autoComplete="off"
            data-testid="sign-in-user"
          />
          <label className="visually-hidden" htmlFor="sign-in-password">
            {t('signIn.password')}
          </label>
          <div className="sign-in-password-row">
            <input
              id="sign-in-password"
              className="sign-in-field"
              type="password"
              readOnly
              value=""
              placeholder={t('signIn.password')}
              autoComplete="off"
              data-testid="sign-in-password"
            />
            <button
              type="button"
              className="sign-in-submit"
              aria-label={t('signIn.submit')}
              aria-disabled="true"
              aria-describedby="sign-in-auto"
              data-testid="sign-in-submit"
            >
              <FluentIcon name="arrowRight" />
            </button>
          </div>
        </div>
        {domain && (
          <p className="sign-in-domain" data-testid="sign-in-domain">
            {t('signIn.signInTo')} {domainOf(prefilledUser) ?? t('signIn.domainFallback')}
          </p>
        )}
        <button
          type="button"
          className="sign-in-options"
          aria-disabled="true"
          aria-describedby="sign-in-auto"
          data-testid="sign-in-options"
        >
          {t('signIn.options')}
        </button>
        <p className="sign-in-auto" id="sign-in-auto">
          {t('signIn.auto')}
        </p>
      </div>
      <OobeChrome className="sign-in-chrome" order="signIn" />
    </main>
  );
}
