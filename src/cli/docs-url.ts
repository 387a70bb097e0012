/**
 * Where specgate's documentation is read online: what the CLI's messages and the starter
 * configuration point at, since a user's repository holds none of specgate's own files.
 * One place to change when the repository moves.
 */
export const REPOSITORY_URL = 'https://github.com/specgate/specgate';

export const CONFIGURATION_DOCS = `${REPOSITORY_URL}/blob/main/docs/configuration.md`;
export const CLI_DOCS = `${REPOSITORY_URL}#the-cli`;
export const SCHEMA_URL = `https://raw.githubusercontent.com/specgate/specgate/main/schema/specgate.schema.json`;
