/**
 * ServiceNow queries and navigation in one place: safe encoded queries and Table API parameters,
 * record and new-record URLs for the page's UI, and URL templates restricted to allowed hosts.
 */
export * from './encoded-query';
export * from './urls';
export * from './url-template';
