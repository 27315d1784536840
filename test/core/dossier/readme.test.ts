/** docs/templates.md documents every template tag, and docs/dossier.md the facts, so a clerk can customise. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { TEMPLATE_FILES, TEMPLATE_TAGS } from '../../../src/core/dossier/tags';

it('the docs list every tag of every template, with the facts fields', () => {
  const docs = path.join(__dirname, '..', '..', '..', 'docs');
  const readme = readFileSync(path.join(docs, 'templates.md'), 'utf8') + readFileSync(path.join(docs, 'dossier.md'), 'utf8');
  for (const [id, tags] of Object.entries(TEMPLATE_TAGS)) {
    const section = readme.slice(readme.indexOf(`**${TEMPLATE_FILES[id as keyof typeof TEMPLATE_FILES]}**`));
    for (const t of tags) {
      const name = t.tag.split('.').pop()!;
      expect(section).toContain(t.loop ? `\`{#${name}}…{/${name}}\`` : `\`{${name}}\``);
    }
  }
  for (const field of ['issuingBodyShort', 'numbers.toTrinh', 'meeting.votes', 'membersPresent', 'ThiDuaFormVersion', '--templates']) expect(readme).toContain(field);
});
