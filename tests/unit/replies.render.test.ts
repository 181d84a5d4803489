import { describe, expect, it } from 'vitest';
import { splitName } from '@/utils/dom/names';
import type { Contact } from '@/utils/platforms/contract';
import { renderReply, unknownVariables, variablesIn, type RenderContext } from '@/utils/replies/render';

// TZ is UTC in vitest.config.ts. A Tuesday.
const NOW = new Date('2026-03-10T14:05:00Z');
const ctx = (contact: Contact | null, extra: Partial<RenderContext> = {}): RenderContext => ({
  contact,
  platform: 'instagram',
  myName: 'Sam',
  now: NOW,
  locale: 'en-US',
  ...extra,
});
const person = (display: string, handle?: string) => splitName(display, handle);

// [description, body, contact, expected text]
const TABLE: [string, string, Contact | null, string][] = [
  ['plain first name', 'Hi {{first_name}}, thanks', person('Ana López'), 'Hi Ana, thanks'],
  ['empty first name tidies the comma', 'Hi {{first_name}}, thanks', null, 'Hi, thanks'],
  ['fallback used when empty', 'Hi {{first_name|there}}!', null, 'Hi there!'],
  ['fallback ignored when a value exists', 'Hi {{first_name|there}}!', person('Ana López'), 'Hi Ana!'],
  ['fallback with spaces', 'Hi {{ first_name | my friend }}!', null, 'Hi my friend!'],
  ['empty fallback is empty', 'Hi {{first_name|}}!', null, 'Hi!'],
  ['upper-case variable name', 'Hi {{First_Name}}', person('Ana López'), 'Hi Ana'],
  ['last name', 'Dear {{last_name}}', person('Ana María López'), 'Dear López'],
  ['full name', 'Thanks {{name}}.', person('Ana María López'), 'Thanks Ana María López.'],
  ['title dropped from first name', 'Hi {{first_name}}', person('Dr. Jane Smith'), 'Hi Jane'],
  ['title kept in full name', 'Hello {{name}}', person('Dr. Jane Smith'), 'Hello Dr. Jane Smith'],
  ['suffix dropped from last name', 'Dear Mr {{last_name}}', person('John Carter Jr.'), 'Dear Mr Carter'],
  ['single name', 'Hi {{first_name}} {{last_name}}!', person('Cher'), 'Hi Cher!'],
  ['single name, last name alone', 'Dear {{last_name}}, welcome', person('Cher'), 'Dear, welcome'],
  ['emoji around a name', 'Hi {{first_name}}!', person('🌸 Mia 🌸'), 'Hi Mia!'],
  ['emoji name keeps emoji in full name', 'Hi {{name}}', person('Mia 🌸'), 'Hi Mia 🌸'],
  ['emoji-only display name', 'Hi {{first_name|there}}', person('🔥🔥'), 'Hi there'],
  ['handle only, first name empty', 'Hi {{first_name}}, got it', person('', 'ana.lopez'), 'Hi, got it'],
  ['handle only, fallback', 'Hi {{first_name|there}}', person('@ana.lopez'), 'Hi there'],
  ['handle variable', 'Thanks @{{handle}}!', person('', 'ana.lopez'), 'Thanks @ana.lopez!'],
  ['missing handle drops the @', 'Thanks @{{handle}}!', person('Ana López'), 'Thanks!'],
  ['username-like single word', 'Hi {{first_name|there}}', person('ana_lopez92'), 'Hi there'],
  ['business name, no first name', 'Hi {{first_name|there}}, thanks', person('Acme Support'), 'Hi there, thanks'],
  ['business name in full', 'Hello {{name}} team', person('Acme Support'), 'Hello Acme Support team'],
  ['business, empty first name mid-sentence', 'Thanks {{first_name}} for writing', person('Blue Bottle Cafe'), 'Thanks for writing'],
  ['right-to-left name', 'Hi {{first_name}}!', person('محمد علي'), 'Hi محمد!'],
  ['right-to-left body and name', 'مرحبا {{first_name}}، شكرا', person('محمد علي'), 'مرحبا محمد، شكرا'],
  ['right-to-left body, empty name', 'مرحبا {{first_name}}، شكرا', null, 'مرحبا، شكرا'],
  ['Hebrew name', 'שלום {{first_name}}', person('דנה כהן'), 'שלום דנה'],
  ['CJK name', 'Hi {{first_name}}', person('山田 太郎'), 'Hi 山田'],
  ['empty at line start capitalises', '{{first_name}}, thanks for writing', null, 'Thanks for writing'],
  ['empty before a full stop after a comma', 'Thanks, {{first_name}}.', null, 'Thanks.'],
  ['empty between commas', 'Hi, {{first_name}}, welcome', null, 'Hi, welcome'],
  ['two empty variables together', 'Dear {{first_name}} {{last_name}}, hello', null, 'Dear, hello'],
  ['empty between words keeps one space', 'Thanks {{first_name}} so much', null, 'Thanks so much'],
  ['empty in brackets disappears', 'Hi Ana (@{{handle}}), welcome', person('Ana López'), 'Hi Ana, welcome'],
  ['line with only an empty variable goes', 'Best,\n{{my_name}}', null, 'Best,'],
  ['my_name', 'Best,\n{{my_name}}', person('Ana'), 'Best,\nSam'],
  ['platform label', 'Thanks for messaging us on {{platform}}.', null, 'Thanks for messaging us on Instagram.'],
  ['no platform tidies', 'Thanks for messaging us on {{platform}}.', null, 'Thanks for messaging us on.'],
  ['weekday in locale', 'Happy {{weekday}}!', null, 'Happy Tuesday!'],
  ['date in locale', 'Today is {{date}}.', null, 'Today is Mar 10, 2026.'],
  ['time in locale', 'It is {{time}}.', null, 'It is 2:05 PM.'],
  ['line breaks kept', 'Hi {{first_name}}!\n\nThanks.', person('Ana López'), 'Hi Ana!\n\nThanks.'],
  ['author spacing kept when nothing is empty', 'Hi  Ana ,  thanks', null, 'Hi  Ana ,  thanks'],
  ['unknown variable stays visible', 'Hi {{frist_name}}', person('Ana López'), 'Hi {{frist_name}}'],
  ['Spanish inverted marks', '¡Hola {{first_name}}!', null, '¡Hola!'],
  ['control markers in the body are stripped', 'Hi\u0000 {{first_name}}', person('Ana López'), 'Hi Ana'],
];

describe('renderReply table', () => {
  it('has at least 40 cases', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  it.each(TABLE)('%s', (_label, body, contact, expected) => {
    const extra: Partial<RenderContext> = _label === 'no platform tidies' ? { platform: undefined } : {};
    if (_label === 'line with only an empty variable goes') extra.myName = '';
    expect(renderReply(body, ctx(contact, extra)).text).toBe(expected);
  });
});

describe('renderReply details', () => {
  it('places the cursor where {{cursor}} was and removes it', () => {
    const r = renderReply('Hi {{first_name}}, {{cursor}} thanks', ctx(person('Ana López')));
    expect(r.text).toBe('Hi Ana,  thanks');
    expect(r.cursor).toBe(8);
  });
  it('cursor is null without {{cursor}}, only the first counts', () => {
    expect(renderReply('Hi', ctx(null)).cursor).toBeNull();
    const r = renderReply('A{{cursor}}B{{cursor}}C', ctx(null));
    expect(r).toEqual({ text: 'ABC', cursor: 1 });
  });
  it('cursor after an empty variable stays in place', () => {
    const r = renderReply('Hi {{first_name}} {{cursor}}', ctx(null));
    expect(r.text).toBe('Hi ');
    expect(r.cursor).toBe(3);
  });
  it('date, time and weekday follow the locale', () => {
    expect(renderReply('{{weekday}}', ctx(null, { locale: 'fr-FR' })).text).toBe('mardi');
    expect(renderReply('{{weekday}}', ctx(null, { locale: 'de-DE' })).text).toBe('Dienstag');
    expect(renderReply('{{time}}', ctx(null, { locale: 'de-DE' })).text).toBe('14:05');
  });
  it('a contact value cannot inject markers', () => {
    const r = renderReply('Hi {{name}}!', ctx({ name: 'A\u0001\u0000na' }));
    expect(r).toEqual({ text: 'Hi Ana!', cursor: null });
  });
});

describe('variables', () => {
  it('lists variables with fallbacks', () => {
    expect(variablesIn('Hi {{first_name|there}} {{date}}')).toEqual([{ name: 'first_name', fallback: 'there' }, { name: 'date' }]);
  });
  it('names unknown variables once', () => {
    expect(unknownVariables('{{frist_name}} {{frist_name}} {{name}} {{foo|x}}')).toEqual(['frist_name', 'foo']);
  });
});
