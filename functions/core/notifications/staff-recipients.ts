import { listMembers } from '../orgs/membership-repository.ts';

/** A staff member a notice goes to. */
export interface StaffRecipient {
  staffId: string;
  email: string;
}

/**
 * Who on staff's side hears about a document: the member who created it while
 * they are still a member, else the organization's owners, so a notice never
 * goes to someone who left, nor nowhere. Read from the team as it is now.
 */
export async function staffRecipients(orgId: string, createdBy: { id: string; email?: string }): Promise<StaffRecipient[]> {
  const members = await listMembers(orgId);
  const creator = members.find((member) => member.staffId === createdBy.id);
  if (creator) return [{ staffId: creator.staffId, email: creator.email ?? createdBy.email ?? '' }].filter((recipient) => recipient.email);
  return members.filter((member) => member.role === 'owner' && member.email).map((member) => ({ staffId: member.staffId, email: member.email! }));
}
