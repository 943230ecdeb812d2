import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import type { Organization } from '../orgs/schema.ts';
import type { Contact, Person } from './schema.ts';

/** The organization's language: staff mail is in it, and contacts without their own read it. */
export const organizationLanguage = (organization: Pick<Organization, 'language'>): Language => organization.language ?? DEFAULT_LANGUAGE;

/** What a reader gets emails, PDFs and pages in: the person's own language, else their contact's, else the organization's. */
export const readerLanguage = (organization: Pick<Organization, 'language'>, contact: Pick<Contact, 'language'>, person?: Pick<Person, 'language'>): Language =>
  person?.language ?? contact.language ?? organizationLanguage(organization);
