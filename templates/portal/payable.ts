import type { Schemas } from './api.ts';

export type PortalDocument = Schemas['PortalDocument'];
export type Me = Schemas['PortalGetMeResponse'];

const openStatuses = ['sent', 'viewed', 'partially_paid', 'overdue'];

/** An invoice or retainer invoice still open with something to pay. */
export const payable = (document: Pick<PortalDocument, 'kind' | 'status' | 'balance'>) =>
  document.kind !== 'estimate' && openStatuses.includes(document.status) && document.balance > 0;

/** Whether the Pay buttons show: the organization takes online payments and this person may pay. */
export const payingOnline = (me: Me) => me.onlinePayments.enabled && me.onlinePayments.permitted;
