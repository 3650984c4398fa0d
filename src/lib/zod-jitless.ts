import { config } from 'zod/v4/core';

// zod probes whether it may compile validators with new Function. Under the site's Content Security
// Policy (no eval) that probe is refused and reported as a violation, so validate without compiling.
// Imported first by every module that defines schemas, before any schema is built.
config({ jitless: true });
