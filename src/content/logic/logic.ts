/**
 * The screen-pop and phone logic the content script loads on demand (a separate chunk): rule
 * selection, the time-boxed lookup, pop decisions, the Table API client, ServiceNow URLs and phone
 * normalisation. They are the shared, tested implementations; libphonenumber-js makes them the
 * heavy part, so the page pays for them only once a call needs them (click-to-dial asks the
 * worker which texts are numbers).
 */
export { selectRule } from '../../shared/screenpop/select-rule';
export { runLookup } from '../../shared/screenpop/lookup';
export { decidePop, decideUrlPop } from '../../shared/screenpop/decide';
export { normalisePhone } from '../../shared/screenpop/phone';
export { createTableClient } from '../../shared/servicenow/table-client';
export { recordUrl } from '../../shared/servicenow/urls';
