/**
 * Types for the SDK's self-contained ES bundle. The package's `module` entry (dist/es/index.js)
 * imports Node's `events`, which a browser build cannot resolve; `dist/es/index.bundle.js` (the
 * package's "es:bundle") inlines it and every other dependency, with the same exports.
 */
declare module 'genesys-cloud-webrtc-sdk/dist/es/index.bundle.js' {
  export * from 'genesys-cloud-webrtc-sdk';
  export { default } from 'genesys-cloud-webrtc-sdk';
}
