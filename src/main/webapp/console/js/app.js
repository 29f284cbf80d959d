// The console: a hash router over the views, signed in with the key kept in session storage.
import { Client } from './api.js';
import { el, notice } from './dom.js';
import { projectView } from './project.js';
import { projectsView } from './projects.js';
import { forget, saved } from './session.js';
import { signInView } from './signin.js';

const view = document.getElementById('view');
const who = document.getElementById('who');
const timers = [];
let client = null;

function stopTimers() {
  timers.splice(0).forEach(clearInterval);
}

/** Renders the page of the current hash; flash and openModel carry what the last action did. */
async function render({ flash, openModel } = {}) {
  stopTimers();
  view.replaceChildren();
  if (!client) {
    who.replaceChildren();
    view.append(signInView(signedIn => { client = signedIn; render(); }));
    return;
  }
  who.replaceChildren(el('span', { id: 'signed-in-as' }, client.cid),
    el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut }, 'Sign out'));
  const project = /^#\/project\/([^?]+)/.exec(location.hash);
  const rerender = (text, model) => render({ flash: text, openModel: model });
  try {
    if (project) await projectView(client, view, decodeURIComponent(project[1]), { timers, rerender, flash, openModel });
    else await projectsView(client, view);
  } catch (error) {
    const message = el('p', {});
    notice(message, error.message, true);
    view.append(message);
  }
}

function signOut() {
  forget();
  client = null;
  location.hash = '#/';
  render();
}

async function start() {
  if (!window.isSecureContext || !globalThis.crypto?.subtle) {
    const message = el('p', {});
    notice(message, 'The console signs requests with WebCrypto, which the browser offers only over HTTPS or on localhost: '
      + 'open it through https:// (smlfusion.tls=on).', true);
    view.replaceChildren(message);
    return;
  }
  const session = saved();
  if (session) {
    try {
      client = await Client.signIn(session.cid, session.secret);
    } catch {
      forget();
    }
  }
  window.addEventListener('hashchange', () => render());
  await render();
}

start();
