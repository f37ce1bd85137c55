/**
 * The ServiceNow presence read and write, loaded only when the worker first asks this tab for one
 * (a dynamic import, like the logic chunk): a page that never maps presence never pays for them.
 */
export { readPresence } from './read';
export { writePresence } from './write';
