/**
 * Names that different teams, or different generations of one template, give the same section.
 * They feed near-miss hints only ("did you mean …? add this alias"): a synonym never satisfies
 * a section by itself. Each group says where it was seen; most come from the shared corpora,
 * where documents written from several versions of one template sit side by side.
 * Names are written as heading keys (lower case, words only); spelling, number and word
 * order are compared loosely elsewhere, so one spelling of each name is enough.
 */
export const SYNONYM_GROUPS: ReadonlyArray<{ names: readonly string[]; seen: string }> = [
  {
    names: ['reference implementation', 'implementation', 'implementation details', 'sample implementation'],
    seen: 'Ethereum ERCs: "Implementation(s)" was renamed "Reference Implementation" in 2020-12 (79 documents keep the old name)',
  },
  {
    names: ['backwards compatibility', 'compatibility', 'backwards incompatibility'],
    seen: 'Ethereum ERCs: "Backwards Compatibility", "Backward Compatibility" in 5 documents',
  },
  {
    names: ['unresolved questions', 'open questions', 'open issues', 'unresolved issues', 'outstanding questions'],
    seen: 'NixOS RFCs ("Open Questions" for "Unresolved questions"), Rust RFCs, KEPs, the built-in template',
  },
  {
    names: ['detailed design', 'design', 'proposed solution', 'design details', 'proposal', 'reference level explanation', 'technical design', 'specification'],
    seen: 'NixOS RFCs ("Design", "Proposed Solution"), Rust RFCs ("Detailed design" before 2017, then "Reference-level explanation"), KEPs ("Design Details"), ERCs and CIPs ("Specification")',
  },
  {
    names: ['guide level explanation', 'how we teach this', 'how do we teach this', 'explanation'],
    seen: 'Rust RFCs: "How We Teach This" (44 documents) became the guide-level explanation',
  },
  {
    names: ['rationale and alternatives', 'alternatives', 'alternatives considered', 'considered alternatives', 'considered options', 'alternative designs', 'alternative approaches'],
    seen: 'Rust RFCs ("Alternatives" in 349 older documents), KEPs ("Alternatives Considered"), MADR ("Considered Options")',
  },
  {
    names: ['future possibilities', 'future work', 'future extensions', 'possible future work', 'future considerations', 'next steps'],
    seen: 'Rust RFCs ("Future possibilities", "Future work", "Future extensions"), NixOS RFCs and KEPs ("Future work")',
  },
  { names: ['drawbacks', 'downsides', 'disadvantages'], seen: 'Rust RFCs ("Downsides")' },
  {
    names: ['acknowledgements', 'thanks', 'credits', 'contributors'],
    seen: 'Cardano CIPs ("Acknowledgements" 8, "Acknowledgments" 2), Rust RFCs ("Thanks"), ERCs ("Contributors")',
  },
  {
    names: ['summary', 'abstract', 'simple summary', 'overview', 'tl dr', 'introduction'],
    seen: 'Ethereum ERCs ("Simple Summary" until 2021-08, then "Abstract"), Rust and NixOS RFCs and KEPs ("Summary"), KEPs ("Introduction")',
  },
  {
    names: ['motivation', 'problem statement', 'background', 'context', 'context and problem statement'],
    seen: 'NixOS RFC 0136 ("Problem statement" for "Motivation"), KEPs ("Background"), MADR and Nygard ADRs ("Context and Problem Statement", "Context")',
  },
  { names: ['prior art', 'related work', 'prior work', 'existing solutions'], seen: 'Rust and NixOS RFCs ("Prior art")' },
  {
    names: ['more information', 'references', 'links', 'further reading', 'see also', 'additional references'],
    seen: 'MADR ("Links" in 2.x, "More Information" since 3.0), ERCs, CIPs and KEPs ("References")',
  },
  { names: ['appendix', 'appendices', 'annex'], seen: 'Cardano CIPs ("Appendix" 4, "Appendices" 2), Rust RFCs, KEPs' },
  {
    names: ['test cases', 'tests', 'test plan', 'testing', 'testing plan', 'test vectors'],
    seen: 'ERCs ("Test Cases"), KEPs ("Test Plan", "Testing Plan", "Testing")',
  },
  { names: ['security considerations', 'security', 'security implications', 'threat model'], seen: 'ERCs ("Security Considerations"), the built-in template ("Security")' },
  { names: ['decision outcome', 'decision'], seen: 'MADR ("Decision Outcome"), Nygard-style ADRs ("Decision")' },
  { names: ['consequences', 'positive consequences', 'negative consequences', 'implications'], seen: 'MADR 2.x ("Positive/Negative Consequences"), MADR 3+ ("Consequences")' },
  { names: ['confirmation', 'validation', 'verification'], seen: 'MADR decision 0018: the names considered for "Confirmation"' },
  { names: ['goals', 'objectives'], seen: 'KEPs ("Goals", "Objectives")' },
  { names: ['non goals', 'out of scope'], seen: 'KEPs ("Non-Goals"), the built-in template ("What scope is deliberately out of bounds?")' },
  { names: ['definitions', 'terminology', 'glossary', 'terms'], seen: 'KEPs ("Terms", "Glossary", "Definitions"), ERCs and NixOS RFCs ("Definitions")' },
  {
    names: ['acceptance criteria', 'success criteria', 'graduation criteria', 'definition of done'],
    seen: 'Cardano CIPs and the built-in template ("Acceptance Criteria"), KEPs ("Graduation Criteria"), spec-kit ("Success Criteria")',
  },
  { names: ['user stories', 'use cases', 'user scenarios', 'scenarios'], seen: 'KEPs ("User Stories", "Use Cases"), spec-kit ("User Scenarios & Testing")' },
  { names: ['rollout', 'deployment', 'release plan', 'rollout plan'], seen: 'the built-in template ("Rollout"), KEPs ("Rollout, Upgrade and Rollback Planning")' },
];
