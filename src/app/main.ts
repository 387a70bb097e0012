import { run } from 'probot';
import specgateApp from './index.js';
import { SpecgateOctokit } from './github/octokit.js';

// `npm start`: Probot reads APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST,
// LOG_LEVEL and GHE_HOST/GHE_PROTOCOL from the environment (and from .env when there is one).
await run(specgateApp, { Octokit: SpecgateOctokit });
