import { Client } from './api.js';
import { el, notice } from './dom.js';
import { save } from './session.js';

/** The sign-in form; onSignedIn gets a Client whose key the server accepted (a signed projects/list). */
export function signInView(onSignedIn) {
  const cid = el('input', { id: 'signin-cid', name: 'cid', required: true, maxlength: 128, autocomplete: 'username' });
  const secret = el('input', { id: 'signin-secret', name: 'secret', type: 'password', required: true, maxlength: 64,
    autocomplete: 'current-password' });
  const message = el('p', { class: 'notice', id: 'signin-message' });
  const form = el('form', { id: 'signin', class: 'card narrow' },
    el('h2', {}, 'Sign in'),
    el('label', {}, 'Customer id', cid),
    el('label', {}, 'Secret key (Base64)', secret),
    el('button', { type: 'submit' }, 'Sign in'),
    message,
    el('p', { class: 'hint' }, 'The key stays in this tab (session storage) and signs each request here; it is never sent.'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    notice(message, 'Signing in…');
    try {
      const client = await Client.signIn(cid.value.trim(), secret.value.trim());
      save(client.cid, client.secret);
      onSignedIn(client);
    } catch (error) {
      notice(message, error.message, true);
    }
  });
  return form;
}
