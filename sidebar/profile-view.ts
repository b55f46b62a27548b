/**
 * Search profiles: the creation form (all ten fields; the creation is a job followed in Jobs),
 * and the profile id field of the order forms, which offers the profiles already made here.
 */
import { call, submitCall } from './rpc';
import { el, runAction } from './dom';
import { textField, type FormState } from './form';
import { OP_HINTS, OP_LABELS } from '../src/providers/openprospect/form-labels';

const profile: FormState = {};
let uid = 0;

/** The "Search profile" block of the Discover section. */
export function profileBlock(status: HTMLElement): HTMLElement {
  const go = el('button', { type: 'button', id: 'create-profile', text: 'Create profile' });
  go.addEventListener('click', () => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(profile)) body[k] = v;
    void runAction(
      go,
      status,
      'Creating profile…',
      () => submitCall('createSearchProfile', body),
      (r) =>
        `Profile "${r.job.title}" is being created (${r.job.state}); follow it in Jobs. Once ready it is offered in the Enrich and Discover forms.${r.notice ? ` ${r.notice}` : ''}`,
    );
  });
  const f = (key: string, label: string, opts: { multiline?: boolean; placeholder?: string } = {}): HTMLElement => textField(profile, key, label, opts);
  return el(
    'details',
    { id: 'profile-form' },
    el('summary', { text: 'New search profile' }),
    el('p', {
      class: 'muted',
      text: `A search profile keeps an ideal customer profile, what you sell and the target countries under a name. Orders reuse it by its id ("${OP_LABELS.profile_id}"), or save a new one under "${OP_LABELS.profile_name}".`,
    }),
    f('profile_name', 'Profile name *'),
    f('ideal_customer_profile', 'Ideal customer profile *', { multiline: true }),
    f('seller_offering', 'What you sell', { multiline: true }),
    f('seller_industry', 'Your industry'),
    f('target_countries', 'Target countries (comma separated)', { placeholder: 'Germany, Austria' }),
    f('target_cities', 'Target cities'),
    f('target_industries', 'Target industries'),
    f('excluded_industries', 'Excluded industries'),
    f('contact_roles', 'Contact roles (one per line)', { multiline: true }),
    f('output_language', 'Output language', { placeholder: 'en' }),
    go,
  );
}

/**
 * The profile id field of an order form: a text input bound to `state.profile_id`, and a list
 * of the profiles made in this spreadsheet that fills it in (loaded after render).
 */
export function profileIdField(state: FormState): HTMLElement {
  const input = textField(state, 'profile_id', OP_LABELS.profile_id, { help: OP_HINTS.profile_id });
  const id = `profile-pick-${++uid}`;
  const select = el('select', { id, class: 'profile-pick' }, el('option', { value: '', text: 'Pick a profile made here…' }));
  const box = el('div', { class: 'block', hidden: true }, el('label', { for: id, text: 'Your search profiles' }), select);
  select.addEventListener('change', () => {
    if (select.value === '') return;
    state['profile_id'] = select.value;
    const text = input.querySelector('input');
    if (text) text.value = select.value;
  });
  void call('listSearchProfiles')
    .then((profiles) => {
      for (const p of profiles) select.appendChild(el('option', { value: p.profileId, text: `${p.name} (${p.profileId.slice(0, 8)})` }));
      if (profiles.length > 0) box.hidden = false;
    })
    .catch(() => undefined);
  return el('div', {}, box, input);
}
