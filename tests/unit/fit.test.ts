import { escalateFormView, OPTION_MAX } from '../../src/bots/slack/blocks';
import { fitText } from '../../src/core/rules/fit';
import { textsFor } from '../../src/core/texts';

describe('fitting what a person wrote into a limited field', () => {
  test('a text that fits is left as it is', () => {
    expect(fitText('Printer on floor 2', 75)).toBe('Printer on floor 2');
    expect(fitText('x'.repeat(24), 24)).toBe('x'.repeat(24));
  });

  test('a longer one is cut at a word, with an ellipsis, within the limit', () => {
    const cut = fitText('The printer on the second floor jams every morning', 24);
    expect(cut).toBe('The printer on the…');
    expect(cut.length).toBeLessThanOrEqual(24);
    // The next word starting just where the room ends: nothing of it is lost, nothing of the last one either.
    expect(fitText('abcd efgh ijkl', 10)).toBe('abcd efgh…');
  });

  test('one long word is cut inside it rather than losing most of the room', () => {
    expect(fitText('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    expect(fitText('a Supercalifragilisticexpialidocious', 10)).toBe('a Superca…');
  });

  test('an emoji is never split in half', () => {
    const cut = fitText(`${'x'.repeat(8)}😀😀😀`, 10);
    expect(cut).toBe(`${'x'.repeat(8)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("Slack's escalation picker", () => {
  test('its title is one catalog text, whole; a long supporter name gives way, not the load after it', () => {
    const name = 'Maximiliane Alexandra von Oppenheim-Christensen Rasmussen Østergaard';
    const view = escalateFormView(textsFor('da'), 1_234_567, 2, [{ userId: 'U1', name, load: 3 }]);
    expect(view.title.text).toBe('Eskalér #1234567');
    const option = view.blocks[0].element.options[1].text.text;
    expect(option.length).toBeLessThanOrEqual(OPTION_MAX);
    expect(option).toMatch(/^Maximiliane Alexandra von .*… \(3 åbne\)$/);
  });
});
