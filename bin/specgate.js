#!/usr/bin/env node
// The compiled CLI lives in build/ (written by `npm install` through the prepare script). A check
// thread is started first, so its start-up overlaps the loading of the CLI's own modules.
import { startEarly } from '../build/cli/early-thread.js';

startEarly(process.argv.slice(2));
await import('../build/cli/main.js');
