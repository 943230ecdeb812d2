import { inject } from 'vitest';

/** The running local runtime's addresses (see test/support/global-setup.ts). */
export const local = () => inject('local');
