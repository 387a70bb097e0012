// Bottleneck's build without clustering, the one Octokit's throttling plugin uses; same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
