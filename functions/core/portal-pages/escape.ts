const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML bodies and quoted attributes: organization names come from customers of ours. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => entities[character]!);
