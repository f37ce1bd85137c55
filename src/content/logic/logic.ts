/**
 * The screen-pop logic the content script loads on demand (a separate chunk): the pop controller
 * and what it needs to read the page (is the agent editing?), rule selection, the time-boxed
 * lookup, pop decisions, the Table API client and ServiceNow URLs. They are the shared, tested
 * implementations, working on numbers the worker parsed (`content.phones`): the number parser and
 * its metadata never load in the page.
 */
export { createPopController } from '../pop/pop-controller';
export { isEditing } from '../pop/page-context';
export { callPhoneTexts, knownPhones } from '../../shared/screenpop/phone-facts';
export { selectRule } from '../../shared/screenpop/select-rule';
export { runLookup } from '../../shared/screenpop/lookup';
export { decidePop, decideUrlPop } from '../../shared/screenpop/decide';
export { createTableClient } from '../../shared/servicenow/table-client';
export { recordUrl } from '../../shared/servicenow/urls';
