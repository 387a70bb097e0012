/**
 * Where specgate's documentation is read online: what the CLI's messages and the starter
 * configuration point at, since a user's repository holds none of specgate's own files. The
 * repository's address is src/render/rule-docs.ts's, one place to change when it moves.
 */
import { REPOSITORY, REPOSITORY_URL } from '../render/rule-docs.js';

export const CONFIGURATION_DOCS = `${REPOSITORY_URL}/blob/main/docs/configuration.md`;
export const CLI_DOCS = `${REPOSITORY_URL}#the-cli`;
export const SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/main/schema/specgate.schema.json`;
