/**
 * `npm run setup`: Probot's registration page, which creates the GitHub App from `app.yml` (the
 * manifest flow) and writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET into `.env`. Only this explicit
 * command opens it: `npm start` refuses to start without those settings instead.
 */
import { run } from 'probot';

if (process.env.APP_ID) {
  process.stderr.write('specgate: APP_ID is already set (the app is registered); run `npm start`.\n');
  process.exit(1);
}
// With no APP_ID, Probot's run() serves only its setup page: no webhook is processed.
await run(() => undefined);
