// Sign in. Dev mode (AUTH_MODE=dev): pick a role and an organisation and the platform issues a
// local token (POST /api/dev/tokens). JWT mode: paste a token from the identity provider.
import { api, ApiError, claimsOf, session } from '../api.js';
import { done, errorBox, h, replace } from '../dom.js';
import { schemaEnum } from '../openapi.js';

const FALLBACK_ROLES = ['auditor', 'commissioner', 'bidder', 'evaluator', 'admin'];

export function render(main, { params, setTitle }) {
  setTitle('Sign in');
  const next = params.get('next') && params.get('next') !== '/sign-in' ? params.get('next') : '/statistics';
  const finish = (value) => {
    // Replace the address first so the re-render that follows the session change shows the target page.
    history.replaceState(null, '', `#${next}`);
    session.set(value);
  };

  const devMessage = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const role = h('select', { id: 'signin-role', name: 'role', required: true }, FALLBACK_ROLES.map((r) => h('option', { value: r }, r)));
  const organisation = h('input', { id: 'signin-org', name: 'organisationId', required: true, autocomplete: 'organization', value: 'org-nao', spellcheck: 'false' });
  const user = h('input', { id: 'signin-user', name: 'userId', autocomplete: 'username', placeholder: 'optional, e.g. jane.doe', spellcheck: 'false' });
  const devForm = h(
    'form',
    { class: 'card form', 'aria-labelledby': 'dev-heading' },
    h('h2', { id: 'dev-heading' }, 'Development sign-in'),
    h('p', { class: 'hint' }, 'Only when the platform runs with AUTH_MODE=dev: it issues a local token for any role. Never with real data.'),
    h('div', { class: 'field' }, h('label', { for: 'signin-role' }, 'Role'), role),
    h('div', { class: 'field' }, h('label', { for: 'signin-org' }, 'Organisation id'), organisation),
    h('div', { class: 'field' }, h('label', { for: 'signin-user' }, 'User id'), user),
    h('button', { type: 'submit' }, 'Sign in'),
    devMessage,
  );
  devForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(devMessage, h('p', { class: 'status loading', role: 'status' }, 'Asking the platform for a token…'));
    try {
      const body = { role: role.value, organisationId: organisation.value.trim(), ...(user.value.trim() ? { userId: user.value.trim() } : {}) };
      const issued = await api('/api/dev/tokens', { method: 'POST', body, token: null });
      finish({ token: issued.token, identity: issued.identity, mode: 'dev' });
    } catch (error) {
      replace(devMessage, errorBox(error, 'Sign-in refused'));
      if (error instanceof ApiError && error.code === 'DEV_MODE_ONLY') tokenField.focus();
    }
  });

  const tokenMessage = h('div', { class: 'form-message', 'aria-live': 'polite' });
  const tokenField = h('textarea', { id: 'signin-token', name: 'token', rows: 4, required: true, spellcheck: 'false', placeholder: 'eyJ…' });
  const tokenForm = h(
    'form',
    { class: 'card form', 'aria-labelledby': 'token-heading' },
    h('h2', { id: 'token-heading' }, 'Sign in with a token'),
    h('p', { class: 'hint' }, 'AUTH_MODE=jwt: paste a bearer token from your identity provider. It stays in this browser tab only.'),
    h('div', { class: 'field' }, h('label', { for: 'signin-token' }, 'Bearer token'), tokenField),
    h('button', { type: 'submit' }, 'Use this token'),
    tokenMessage,
  );
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = tokenField.value.trim().replace(/^Bearer\s+/i, '');
    replace(tokenMessage, h('p', { class: 'status loading', role: 'status' }, 'Checking the token with the platform…'));
    try {
      await api('/api/tenders', { token }); // any authenticated route: the platform verifies the token
      finish({ token, identity: claimsOf(token), mode: 'jwt' });
    } catch (error) {
      replace(tokenMessage, errorBox(error, 'Token refused'));
    }
  });

  replace(
    main,
    h('h1', {}, 'Sign in'),
    h('p', { class: 'lede' }, 'TenderLedger shows what the API lets your role see: auditors read everything, commissioners their own tenders, bidders the public notices.'),
    h('div', { class: 'grid two' }, devForm, tokenForm),
  );
  done(main);

  // The roles the platform knows, from its OpenAPI document (auditor first: it sees the most).
  schemaEnum('IssueTokenDto', 'role').then((roles) => {
    if (roles.length === 0) return;
    const ordered = [...roles].sort((a, b) => (a === 'auditor' ? -1 : b === 'auditor' ? 1 : 0));
    const chosen = role.value;
    replace(role, ordered.map((r) => h('option', { value: r }, r)));
    if (roles.includes(chosen)) role.value = chosen;
  });
}
