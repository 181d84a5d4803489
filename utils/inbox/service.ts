// The inbox, one module per concern; this file keeps the first version's entry points importable.
export { updateBadge } from './badge';
export { handleSnapshot, inboxHandlers, deleteAllData } from './handlers';
export { applySnapshot } from './store';
