/** The current time, in the forms the domain stores. */
export const clock = {
  now: () => new Date(),
  iso: () => new Date().toISOString(),
  epochSeconds: () => Math.floor(Date.now() / 1000),
};
