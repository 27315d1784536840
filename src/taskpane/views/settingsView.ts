/**
 * "Cấu hình": the profile as a form (criteria on/off, thresholds ≥ / >, rating ladder, PAR score
 * bands, quotas, votes, ranking order), validated with the CLI's schema before anything is saved;
 * export / import of the cli.md --profile JSON; back to the plan's defaults.
 */
import { type Lang, type RankingKey, criterionLabel, type Profile, type ProfileProblem, PRESETS, type PresetId, text, type PaneSettingsText } from '../../core';
import { custom, h, replaceChildren, type Child } from '../dom';
import { downloadsDropped } from '../platform';
import {
  formFromPreset,
  formFromProfile,
  importProfile,
  labelProblems,
  ladderOf,
  missingKeys,
  moveKey,
  profileJson,
  RATE_CRITERIA,
  RATING_CRITERIA,
  validateForm,
  type ProfileForm,
  type RateForm,
} from '../profileForm';

export interface SettingsInput {
  profile: Profile;
  /** The workbook holds its own profile (not the plan's defaults). */
  saved: boolean;
  /** Problems of an invalid profile saved in the workbook. */
  savedProblems: ProfileProblem[];
  /** Office.context.platform: on a Mac, downloads are dropped silently. */
  platform: string | undefined;
}

export interface SettingsHandlers {
  save(profile: Profile): void;
  restore(): void;
}

type Tone = 'success' | 'warning' | 'error';

export function renderSettings(input: SettingsInput, lang: Lang, handlers: SettingsHandlers): HTMLElement {
  const S = text(lang).pane.settings;
  let form: ProfileForm = formFromProfile(input.profile);
  const message = h('div', { class: 'settings-message', attrs: { 'data-testid': 'settings-message', 'aria-live': 'polite' } });
  const body = h('div', { class: 'settings-form' });
  const exportBox = h('div', { class: 'export-box', attrs: { 'data-testid': 'export-box' } });

  const say = (tone: Tone, text: string, items: Child[] = []): void => {
    replaceChildren(
      message,
      h('div', { class: `message-bar ${tone}`, attrs: { role: tone === 'error' ? 'alert' : 'status' } }, h('p', {}, text), items.length > 0 && h('ul', {}, ...items)),
    );
    message.scrollIntoView?.({ block: 'nearest' });
  };

  /** Marks each field the problems name, and lists them all (label: message). */
  const showProblems = (heading: string, problems: ProfileProblem[]): void => {
    clearMarks(body);
    const labelled = labelProblems(problems, form, lang);
    for (const p of labelled) markField(body, p.path, p.message);
    say(
      'error',
      heading,
      labelled.map((p) => h('li', { attrs: { 'data-problem': p.path } }, h('strong', {}, p.label), `: ${p.message}`)),
    );
  };

  const draw = (): void => {
    replaceChildren(body, ...formFields(form, S, lang, draw), lawFields(form, lang, draw, (id) => {
      form = formFromPreset(id);
      draw();
      say('success', text(lang).paneLaw.presetApplied(PRESETS.find((p) => p.id === id)!.name[lang]));
    }));
  };

  const validated = (): Profile | null => {
    const parsed = validateForm(form, lang);
    if (parsed.ok) {
      clearMarks(body);
      return parsed.profile;
    }
    showProblems(S.refused(parsed.problems.length), parsed.problems);
    return null;
  };

  const load = (text: string): void => {
    const parsed = importProfile(text, lang);
    if (!parsed.ok) {
      showProblems(S.importRefused(parsed.problems.length), parsed.problems);
      return;
    }
    form = formFromProfile(parsed.profile);
    draw();
    say('success', S.imported);
  };

  const save = custom('fluent-button', { attrs: { appearance: 'accent', 'data-action': 'save-profile' }, on: { click: () => {
    const profile = validated();
    if (profile) handlers.save(profile);
  } } }, S.save);
  const restore = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'restore-profile' }, on: { click: () => handlers.restore() } }, S.restore);

  const exportButton = custom(
    'fluent-button',
    {
      attrs: { appearance: 'outline', 'data-action': 'export-profile' },
      on: {
        click: () => {
          const profile = validated();
          if (!profile) return;
          exportProfile(profileJson(profile), input.platform, S, exportBox, (tone, text) => say(tone, text));
        },
      },
    },
    S.exportJson,
  );
  // The native file input's own words follow the browser, not Office: it is hidden behind our button.
  const fileInput = h('input', { class: 'visually-hidden', attrs: { type: 'file', accept: '.json,application/json', 'data-testid': 'import-file', 'aria-label': S.importFile, tabindex: -1 } });
  const chooseFile = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'import-file' }, on: { click: () => fileInput.click() } }, S.importFile);
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    file.text().then(load, () => say('error', S.readFailed));
    // The same file can be chosen again after a fix.
    fileInput.value = '';
  });
  const paste = h('textarea', { attrs: { rows: 4, 'data-testid': 'import-text', 'aria-label': S.pasteLabel, spellcheck: 'false' } });
  const pasteButton = custom('fluent-button', { attrs: { appearance: 'outline', 'data-action': 'import-text' }, on: { click: () => load(paste.value) } }, S.pasteApply);

  draw();
  return h(
    'div',
    { class: 'settings-view', attrs: { 'data-testid': 'settings' } },
    h('p', { class: 'hint' }, S.intro),
    h('p', { class: `profile-source ${input.saved ? 'saved' : 'default'}`, attrs: { 'data-testid': 'profile-source' } }, input.saved ? S.usingSaved : S.usingDefault),
    input.savedProblems.length > 0 &&
      h(
        'div',
        { class: 'message-bar warning', attrs: { role: 'status' } },
        h('p', {}, S.savedProblems),
        h('ul', {}, ...input.savedProblems.map((p) => h('li', {}, `${p.path}: ${p.message}`))),
      ),
    message,
    body,
    h('div', { class: 'settings-actions' }, save, restore),
    h(
      'details',
      { class: 'file-section' },
      h('summary', {}, S.fileSection),
      h(
        'div',
        { class: 'file-body' },
        exportButton,
        exportBox,
        chooseFile,
        fileInput,
        h('label', { class: 'stacked' }, h('span', {}, S.pasteLabel), paste),
        pasteButton,
      ),
    ),
    // Command-line words only here, folded: a clerk never needs them.
    h('details', { class: 'file-section cli' }, h('summary', {}, text(lang).pane.cli.title), h('p', { class: 'hint' }, text(lang).pane.cli.body)),
  );
}

/** Blob download; on a Mac or an iPad (downloads dropped silently) the text to copy, and why. */
function exportProfile(json: string, platform: string | undefined, S: PaneSettingsText, box: HTMLElement, say: (tone: Tone, text: string) => void): void {
  // Mac and iPad drop the download silently.
  const mac = downloadsDropped(platform);
  if (!mac) {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = h('a', { attrs: { href: url, download: S.fileName } });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    replaceChildren(box);
    say('success', S.exported);
    return;
  }
  const text = h('textarea', { attrs: { readonly: true, rows: 10, 'data-testid': 'export-text', 'aria-label': S.exportedText, spellcheck: 'false' } });
  const copyStatus = h('p', { class: 'hint', attrs: { role: 'status', 'data-testid': 'copy-status' } });
  const note = (t: string) => replaceChildren(copyStatus, t);
  text.value = json;
  const copy = custom(
    'fluent-button',
    {
      attrs: { appearance: 'outline', 'data-action': 'copy-profile' },
      on: {
        click: () => {
          text.focus();
          text.select();
          const fallback = () => {
            // Older web views: the selection plus execCommand still copies.
            let ok = false;
            try {
              ok = document.execCommand('copy');
            } catch {
              ok = false;
            }
            note(ok ? S.copied : S.copyFailed);
          };
          if (navigator.clipboard?.writeText) navigator.clipboard.writeText(json).then(() => note(S.copied), fallback);
          else fallback();
        },
      },
    },
    S.copy,
  );
  replaceChildren(box, h('div', { class: 'message-bar warning', attrs: { role: 'status', 'data-testid': 'mac-export' } }, h('p', {}, S.macExport)), text, copy, copyStatus);
}

function clearMarks(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('.field-error'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
}

/** The field a path names, or the nearest enclosing one ("criteria.sipas" for an unknown key). */
function markField(root: HTMLElement, path: string, text: string): void {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = root.querySelector(`[data-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (!el) continue;
    el.setAttribute('aria-invalid', 'true');
    // Below the whole row (compare + threshold + %), not inside it.
    const anchor = el.closest('.rule, .quotas-row, .band') ?? el.closest('label') ?? el;
    anchor.insertAdjacentElement('afterend', h('p', { class: 'field-error', attrs: { 'data-error-for': path } }, text));
    return;
  }
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const o = h('option', { attrs: { value } }, label);
  o.selected = selected;
  return o;
}

function checkbox(checked: boolean, path: string, onChange: (v: boolean) => void): HTMLInputElement {
  const box = h('input', { attrs: { type: 'checkbox', 'data-path': path } });
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

function textInput(value: string, path: string, label: string, onInput: (v: string) => void, numeric = false): HTMLInputElement {
  // Text, not type=number: "92,5" (the Vietnamese decimal comma) must reach the parser as typed.
  const input = h('input', { attrs: { type: 'text', 'data-path': path, 'aria-label': label, inputmode: numeric ? 'decimal' : undefined, class: numeric ? 'number' : undefined } });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

function compareSelect(rule: RateForm, path: string, S: PaneSettingsText): HTMLSelectElement {
  const select = h('select', { attrs: { 'data-path': path, 'aria-label': S.compare } }, option('ge', S.inclusive, rule.inclusive), option('gt', S.strict, !rule.inclusive));
  select.addEventListener('change', () => (rule.inclusive = select.value === 'ge'));
  return select;
}

function ratingSelect(value: string, ladder: string[], path: string, label: string, onChange: (v: string) => void): HTMLSelectElement {
  // A value not on the ladder stays visible, so that the validation can name it.
  const choices = ladder.includes(value) || !value ? ladder : [...ladder, value];
  const select = h('select', { attrs: { 'data-path': path, 'aria-label': label } }, ...choices.map((r) => option(r, r, r === value)));
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

function fieldset(legend: string, hint: string | null, ...children: Child[]): HTMLElement {
  return h('fieldset', { class: 'settings-group' }, h('legend', {}, legend), hint && h('p', { class: 'hint' }, hint), ...children);
}

function formFields(form: ProfileForm, S: PaneSettingsText, lang: Lang, redraw: () => void): HTMLElement[] {
  const ladder = ladderOf(form);
  const name = h('label', { class: 'stacked' }, h('span', {}, S.name), textInput(form.name, 'name', S.name, (v) => (form.name = v)));
  return [
    name,
    criteriaFields(form, S, lang, ladder),
    ladderField(form, S, redraw),
    bandsFields(form, S, ladder, redraw),
    votesFields(form, S, redraw),
    awardsFields(form, S, lang),
    rankingFields(form, S, redraw),
  ];
}

/** The criteria, a card each: its on/off box and name, then its rule. */
function criteriaFields(form: ProfileForm, S: PaneSettingsText, lang: Lang, ladder: string[]): HTMLElement {
  /** A criterion's card: its on/off box and name, then its rule (given the name, for the inputs' labels). */
  const criterionCard = (id: string, rule: { enabled: boolean }, ruleOf: (name: string) => Child): HTMLElement => {
    const name = criterionLabel(id, lang);
    return h(
      'div',
      { class: 'criterion', attrs: { 'data-criterion': id, 'data-path': `criteria.${id}` } },
      h('label', { class: 'inline' }, checkbox(rule.enabled, `criteria.${id}.enabled`, (v) => (rule.enabled = v)), h('strong', {}, name)),
      ruleOf(name),
    );
  };

  const rateCard = (id: (typeof RATE_CRITERIA)[number]): HTMLElement => {
    const rule = form.rates[id];
    return criterionCard(id, rule, (name) =>
      h(
        'div',
        { class: 'rule' },
        compareSelect(rule, `criteria.${id}.inclusive`, S),
        textInput(rule.threshold, `criteria.${id}.threshold`, `${name} — ${S.threshold}`, (v) => (rule.threshold = v), true),
        h('span', { class: 'unit' }, '%'),
      ),
    );
  };

  const ratingCard = (id: (typeof RATING_CRITERIA)[number]): HTMLElement => {
    const rule = form.ratings[id];
    return criterionCard(id, rule, (name) =>
      h(
        'div',
        { class: 'rule' },
        h('span', {}, S.atLeast),
        ratingSelect(rule.atLeast, ladder, `criteria.${id}.atLeast`, `${name} — ${S.atLeast}`, (v) => (rule.atLeast = v)),
        h('span', {}, S.orBetter),
      ),
    );
  };

  return fieldset(
    S.criteria,
    S.criteriaHint,
    rateCard('taskCompletion'),
    ratingCard('parIndex'),
    ratingCard('unitParIndex'),
    rateCard('sipas'),
    rateCard('onTime'),
    criterionCard('initiative', form.initiative, () =>
      h(
        'label',
        { class: 'inline rule' },
        checkbox(form.initiative.requireRecognition, 'criteria.initiative.requireRecognition', (v) => (form.initiative.requireRecognition = v)),
        h('span', {}, S.requireRecognition),
      ),
    ),
    criterionCard('compliance', form.compliance, () => h('p', { class: 'hint rule' }, S.complianceHint)),
  );
}

/** The rating ladder, one rating a line; the rating choices follow it once the user leaves the box. */
function ladderField(form: ProfileForm, S: PaneSettingsText, redraw: () => void): HTMLElement {
  const ladderBox = h('textarea', { attrs: { rows: 5, 'data-path': 'ratingLadder', 'aria-label': S.ladder, spellcheck: 'false' } });
  ladderBox.value = form.ratingLadder;
  ladderBox.addEventListener('input', () => (form.ratingLadder = ladderBox.value));
  // The rating choices below follow the ladder once the user leaves the box.
  ladderBox.addEventListener('change', redraw);
  return fieldset(S.ladder, S.ladderHint, ladderBox);
}

/** The PAR score bands: from which score each rating starts. */
function bandsFields(form: ProfileForm, S: PaneSettingsText, ladder: string[], redraw: () => void): HTMLElement {
  return fieldset(
    S.bands,
    S.bandsHint,
    h(
      'div',
      { class: 'bands', attrs: { 'data-path': 'parScoreBands' } },
      ...form.parScoreBands.map((band, i) =>
        h(
          'div',
          { class: 'band', attrs: { 'data-path': `parScoreBands.${i}` } },
          h('label', { class: 'stacked' }, h('span', {}, S.bandMin), textInput(band.min, `parScoreBands.${i}.min`, `${S.bandMin} ${i + 1}`, (v) => (band.min = v), true)),
          h('label', { class: 'stacked' }, h('span', {}, S.bandRating), ratingSelect(band.rating, ladder, `parScoreBands.${i}.rating`, `${S.bandRating} ${i + 1}`, (v) => (band.rating = v))),
          custom('fluent-button', { attrs: { appearance: 'stealth', 'data-action': 'remove-band' }, on: { click: () => { form.parScoreBands.splice(i, 1); redraw(); } } }, S.remove),
        ),
      ),
    ),
    custom(
      'fluent-button',
      {
        attrs: { appearance: 'outline', 'data-action': 'add-band' },
        on: {
          click: () => {
            form.parScoreBands.push({ min: '', rating: ladder[ladder.length - 1] ?? '' });
            redraw();
          },
        },
      },
      S.addBand,
    ),
  );
}

/** Whether the council's votes count, and the share required. */
function votesFields(form: ProfileForm, S: PaneSettingsText, redraw: () => void): HTMLElement {
  return fieldset(
    S.votes,
    null,
    h('label', { class: 'inline' }, checkbox(form.votes.enabled, 'voteEnabled', (v) => { form.votes.enabled = v; redraw(); }), h('span', {}, S.votesEnabled)),
    form.votes.enabled &&
      h(
        'div',
        { class: 'rule' },
        compareSelect(form.votes, 'voteInclusive', S),
        textInput(form.votes.threshold, 'voteThreshold', S.votesThreshold, (v) => (form.votes.threshold = v), true),
        h('span', { class: 'unit' }, '%'),
      ),
  );
}

/** The awards: label, grantor and quotas. */
function awardsFields(form: ProfileForm, S: PaneSettingsText, lang: Lang): HTMLElement {
  return fieldset(
    S.awards,
    S.awardsHint,
    ...form.awards.map((a, i) =>
      h(
        'div',
        { class: 'award', attrs: { 'data-award': a.id, 'data-path': `awards.${i}` } },
        h('label', { class: 'stacked' }, h('span', {}, S.awardLabel), textInput(a.label, `awards.${i}.label`, S.awardLabel, (v) => (a.label = v))),
        h('label', { class: 'stacked' }, h('span', {}, text(lang).paneLaw.grantor), textInput(a.grantor, `awards.${i}.grantor`, `${a.label} — ${text(lang).paneLaw.grantor}`, (v) => (a.grantor = v))),
        h(
          'div',
          { class: 'quotas-row' },
          h('label', { class: 'stacked' }, h('span', {}, S.quota.collective), textInput(a.collective, `awards.${i}.quota.collective`, `${a.label} — ${S.quota.collective}`, (v) => (a.collective = v), true)),
          h('label', { class: 'stacked' }, h('span', {}, S.quota.individual), textInput(a.individual, `awards.${i}.quota.individual`, `${a.label} — ${S.quota.individual}`, (v) => (a.individual = v), true)),
        ),
      ),
    ),
  );
}

/** The ranking keys, in order, each movable and removable. */
function rankingFields(form: ProfileForm, S: PaneSettingsText, redraw: () => void): HTMLElement {
  const keyRow = (key: RankingKey, i: number): HTMLElement => {
    const move = (delta: -1 | 1) => () => {
      form.rankingKeys = moveKey(form.rankingKeys, i, delta);
      redraw();
    };
    return h(
      'li',
      { class: 'ranking-key', attrs: { 'data-key': key, 'data-path': `rankingKeys.${i}` } },
      h('span', { class: 'key-order' }, `${i + 1}.`),
      h('span', { class: 'key-label' }, S.rankingKeys[key]),
      h('button', { class: 'icon', attrs: { type: 'button', title: S.up, 'aria-label': `${S.up}: ${S.rankingKeys[key]}`, 'data-action': 'key-up', disabled: i === 0 }, on: { click: move(-1) } }, '↑'),
      h('button', { class: 'icon', attrs: { type: 'button', title: S.down, 'aria-label': `${S.down}: ${S.rankingKeys[key]}`, 'data-action': 'key-down', disabled: i === form.rankingKeys.length - 1 }, on: { click: move(1) } }, '↓'),
      h(
        'button',
        {
          class: 'icon',
          attrs: { type: 'button', title: S.remove, 'aria-label': `${S.remove}: ${S.rankingKeys[key]}`, 'data-action': 'key-remove' },
          on: { click: () => { form.rankingKeys = form.rankingKeys.filter((_, j) => j !== i); redraw(); } },
        },
        '×',
      ),
    );
  };
  const missing = missingKeys(form.rankingKeys);
  const addKey = h('select', { attrs: { 'aria-label': S.addKey, 'data-action': 'key-add' } }, option('', `+ ${S.addKey}`, true), ...missing.map((k) => option(k, S.rankingKeys[k], false)));
  addKey.addEventListener('change', () => {
    if (!addKey.value) return;
    form.rankingKeys = [...form.rankingKeys, addKey.value as RankingKey];
    redraw();
  });
  return fieldset(
    S.ranking,
    S.rankingHint,
    h('ol', { class: 'ranking-keys', attrs: { 'data-path': 'rankingKeys' } }, ...form.rankingKeys.map(keyRow)),
    missing.length > 0 && addKey,
  );
}

/** The law's settings: the preset, how votes count, the women's priority, dissolved units, own legal frames. */
function lawFields(form: ProfileForm, lang: Lang, redraw: () => void, apply: (id: PresetId) => void): HTMLElement {
  const L = text(lang).paneLaw;
  const law = form.law;
  const preset = h(
    'select',
    { attrs: { 'data-path': 'preset', 'aria-label': L.preset } },
    option('', L.presetNone, law.preset === ''),
    ...PRESETS.map((p) => option(p.id, p.name[lang], p.id === law.preset)),
  );
  const applyButton = custom(
    'fluent-button',
    { attrs: { appearance: 'outline', 'data-action': 'apply-preset' }, on: { click: () => apply((preset.value || 'ninh-hoa-2022') as PresetId) } },
    L.applyPreset,
  );
  const voteBase = h(
    'select',
    { attrs: { 'data-path': 'voteBase', 'aria-label': L.voteBase } },
    option('total', L.voteTotal, law.voteBase === 'total'),
    option('present', L.votePresent, law.voteBase === 'present'),
  );
  voteBase.addEventListener('change', () => (law.voteBase = voteBase.value === 'present' ? 'present' : 'total'));
  const dissolved = h('textarea', { attrs: { rows: 3, 'data-path': 'dissolvedUnits', 'aria-label': L.dissolved, spellcheck: 'false' } });
  dissolved.value = law.dissolvedUnits;
  dissolved.addEventListener('input', () => (law.dissolvedUnits = dissolved.value));
  const frames = h('textarea', { attrs: { rows: 4, 'data-path': 'legalFrames', 'aria-label': L.frames, spellcheck: 'false', class: 'code' } });
  frames.value = law.legalFrames;
  frames.addEventListener('input', () => (law.legalFrames = frames.value));
  void redraw;
  return fieldset(
    L.legend,
    L.hint,
    h('label', { class: 'stacked' }, h('span', {}, L.preset), preset),
    h('div', { class: 'settings-actions' }, applyButton),
    h('label', { class: 'stacked' }, h('span', {}, L.voteBase), voteBase),
    h('label', { class: 'inline' }, checkbox(law.womenPriority, 'womenPriority', (v) => (law.womenPriority = v)), h('span', {}, L.women)),
    h('label', { class: 'stacked' }, h('span', {}, L.dissolved), dissolved),
    h('p', { class: 'hint' }, L.dissolvedHint),
    h('label', { class: 'stacked' }, h('span', {}, L.frames), frames),
    h('p', { class: 'hint' }, L.framesHint),
  );
}
