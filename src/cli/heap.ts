// Rendering allocates a great deal of short-lived memory (glyph runs, PDF
// operators). With V8's default young generation (16 MB semi-spaces) most of a
// build's time went to scavenges on a second core; 64 MB semi-spaces made a
// 72-output batch 20 % faster on one thread (measured, see README "Limits").
// Set first thing, before the heap grows; worker threads get the same through
// piscina's resourceLimits (src/batch/run.ts).
import { setFlagsFromString } from 'node:v8';

export const SEMI_SPACE_MB = 64;

setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MB}`);
