// Unit tests run against webext-core's in-memory browser instead of stubs.
export { fakeBrowser as default } from '@webext-core/fake-browser';
