import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CreateContactBody } from '../../functions/core/contacts/schema.ts';
import { CreateOrganizationBody } from '../../functions/core/orgs/schema.ts';
import { NameInput } from '../../functions/core/shapes.ts';

describe('names at the boundary', () => {
  it('drops control and bidi characters and puts a name on one line', () => {
    const name = NameInput();
    expect(z.parse(name, ' Acme\r\nSupplies\u0000\u001B[31m\u0085Ltd\u202E\u2066gnp.exe\u2069\u009B ')).toBe('Acme  Supplies[31m Ltdgnp.exe');
    expect(z.parse(name, 'Café Müller – 株式会社')).toBe('Café Müller – 株式会社');
    expect(z.safeParse(name, '\u0000\u202E\r\n').success).toBe(false);
  });

  it('applies to organization, contact and person names', () => {
    expect(z.parse(CreateOrganizationBody, { name: 'Acme\u202E' }).name).toBe('Acme');
    const contact = z.parse(CreateContactBody, { name: 'Beta\nLtd', email: 'a@b.example', persons: [{ name: '\u202EJo\tAnn', email: 'j@b.example' }] });
    expect([contact.name, contact.persons![0]!.name]).toEqual(['Beta Ltd', 'Jo Ann']);
  });
});
