import { CLI_DOCS } from './docs-url.js';

export const USAGE = `Usage:
  specgate check [PATH|GLOB ...] [options]   check specs (no paths: the configured paths)
  specgate fix [PATH|GLOB ...] [--dry-run]   add the missing sections, with their guidance
  specgate new PATH [-t NAME]                write a new spec from its template
  specgate template [--for PATH] [--raw]     the template in effect (or the one PATH gets): each section,
                                             whether it is required, and why; --raw prints its text
  specgate init                              write a starter configuration and template
  specgate waivers --repo OWNER/NAME [-f json] every section waiver the GitHub App recorded (GITHUB_TOKEN)

Options of check:
  -f, --format text|json|sarif|github|html   the report's format (default: text)
  -o, --output-file FILE                     write the report to FILE instead of the terminal
  -c, --config FILE                          the configuration (default: found from here up to the repository root)
  -t, --template FILE                        check every spec against FILE
  -q, --quiet                                report errors only
      --staged                               check the staged versions of staged specs (pre-commit)
      --since REF                            only findings a spec did not have at REF (git) fail
      --baseline FILE                        only findings a saved --format json report lacks fail
      --fix                                  add the missing sections first, then report what is left
      --dry-run                              with --fix (or fix): print the changes as a diff, write nothing
      --fail-on error|warning|never          what fails the run (default: error)
      --max-warnings N                       fail when there are more than N warnings
      --no-error-on-unmatched-pattern        skip a path or glob that matches no spec, instead of exit 2
      --cache, --cache-location FILE         remember findings by file content (.specgatecache)
  -h, --help, -v, --version

Configuration files, the first found from the current directory up to the repository root:
  .github/specgate.yml, .github/specgate.yaml, .specgate.yml, .specgate.yaml

Exit codes: 0 no failure, 1 a spec fails (an error, or warnings past --fail-on/--max-warnings),
2 a usage, configuration or template error. More: ${CLI_DOCS}`;
