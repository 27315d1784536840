/** The README documents every template tag (README "Template tags"), so a clerk can customise. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { TEMPLATE_FILES, TEMPLATE_TAGS } from '../../../src/core/dossier/tags';

it('the README lists every tag of every template, with the facts fields', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  for (const [id, tags] of Object.entries(TEMPLATE_TAGS)) {
    const section = readme.slice(readme.indexOf(`**${TEMPLATE_FILES[id as keyof typeof TEMPLATE_FILES]}**`));
    for (const t of tags) {
      const name = t.tag.split('.').pop()!;
      expect(section).toContain(t.loop ? `\`{#${name}}…{/${name}}\`` : `\`{${name}}\``);
    }
  }
  for (const field of ['issuingBodyShort', 'numbers.toTrinh', 'meeting.votes', 'membersPresent', 'ThiDuaFormVersion', '--templates']) expect(readme).toContain(field);
});
