import { describe, expect, it } from 'vitest';
import { findTypedMentions, type Mentionable } from './typed-mentions.ts';

const sophie: Mentionable = { id: 's', name: 'Sophie Social', email: 'manager@beispiel.example' };
const anna: Mentionable = { id: 'a', name: 'Anna', email: 'anna.k@beispiel.example' };
const annaBerg: Mentionable = { id: 'b', name: 'Anna Berg', email: 'berg@beispiel.example' };
const people = [sophie, anna, annaBerg];

const ids = (text: string, list: readonly Mentionable[] = people) =>
  findTypedMentions(text, list).map((m) => m.userId);

describe('findTypedMentions', () => {
  it('finds a display name and an e-mail local part, in any case, with their offsets', () => {
    const text = 'Bitte @sophie social und @Berg ansehen';
    expect(findTypedMentions(text, people)).toEqual([
      { userId: 's', start: 6, end: 20 },
      { userId: 'b', start: 25, end: 30 },
    ]);
    expect(text.slice(6, 20)).toBe('@sophie social');
    expect(ids('@manager, kannst du?')).toEqual(['s']);
    expect(ids('Danke @anna.k.')).toEqual(['a']);
  });

  it('takes the longest name at an @, so a longer name does not also mention a shorter one', () => {
    expect(ids('@Anna Berg bitte')).toEqual(['b']);
    expect(ids('@Anna bitte')).toEqual(['a']);
  });

  it('does not take a name that only starts a longer word, nor an @ inside an e-mail address', () => {
    expect(ids('@Annabell kommt')).toEqual([]);
    expect(ids('schreib an info@manager.de')).toEqual([]);
    expect(ids('@Sophie allein')).toEqual([]);
  });

  it('mentions nobody for a name two people share', () => {
    const twin: Mentionable = { id: 't', name: 'Anna', email: 'anna.t@beispiel.example' };
    expect(ids('@Anna bitte', [...people, twin])).toEqual([]);
    expect(ids('@anna.t bitte', [...people, twin])).toEqual(['t']);
  });

  it('finds each mention once, and the same person twice when written twice', () => {
    expect(ids('@Berg und nochmal @Anna Berg')).toEqual(['b', 'b']);
  });
});
