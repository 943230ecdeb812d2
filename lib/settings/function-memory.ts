/** Every function's memory: the bench prices compute with it (scripts/bench/cost.ts). */
export const FUNCTION_MEMORY_MB = 512;
