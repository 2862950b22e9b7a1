// AWS's own limits on session lifetimes, checked before any prompt instead of reported by STS after it.
export const SESSION_TOKEN_SECONDS = { min: 900, max: 129600 };
export const ASSUME_ROLE_SECONDS = { min: 900, max: 43200 };
/** AWS caps a role assumed with temporary credentials (an MFA session included) at one hour. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

/**
 * The most profiles a source_profile chain may pass through. Real chains have two to five; a longer one is a mistake
 * (often generated config), and refusing it here keeps every later walk over the steps (resolve, the cache keys,
 * --debug's description, one AWS call a link) small.
 */
export const MAX_CHAIN_PROFILES = 64;

/** awsenv's own default for an MFA session: a working day, so one code lasts it. */
export const DEFAULT_SESSION_SECONDS = 12 * 3600;
