#!/usr/bin/env -S node --max-semi-space-size=32
// The `upskill` command: runs the TypeScript sources through tsx, so `npm ci` is the only set-up step.
// --max-semi-space-size: deciding a batch allocates many short-lived objects; a larger young
// generation measured −18% time on 300k claims. package.json's "upskill" script passes it too.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
