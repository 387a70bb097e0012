import type { Context, Probot } from 'probot';

/**
 * Gives the context an Octokit whose throttling is keyed by installation.
 *
 * Probot's event Octokit carries no limiter id, so every installation in the process shares one
 * write queue: with throttling on, one installation's check run waits a second behind another's.
 * GitHub counts secondary rate limits per installation, and `app.auth(id)` builds the client
 * that way (the installation token stays cached in the app's auth, so this costs no request).
 */
export async function useInstallationOctokit(app: Probot, context: Context): Promise<void> {
  const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
  if (installationId === undefined) return;
  context.octokit = (await app.auth(installationId)) as Context['octokit'];
}
