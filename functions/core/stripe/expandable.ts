/** The id of a field Stripe answers either as an id or, when expanded, as the object itself. */
export const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === 'string' ? value : (value?.id ?? null));
