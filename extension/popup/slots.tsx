/// <reference types="vite/client" />
// Slots other parts of the popup fill without editing it: a module
// extension/popup/RecordActions.tsx, when present, exports `RecordActions` and
// is drawn once for the page and once per app row with these props.
import type { ComponentType } from 'preact';
import type { FindingPayload } from '../shared/messages';

export interface RecordActionsProps {
  /** 'page': the whole tab's findings; 'app': one app row (its listings on the page). */
  scope: 'page' | 'app';
  tabId?: number;
  /** The app row's entity, for scope 'app'. */
  entityId?: string;
  findings: FindingPayload[];
}

// Resolved at build time: an empty record when the file does not exist.
const found = import.meta.glob<{ RecordActions?: ComponentType<RecordActionsProps> }>('./RecordActions.tsx', { eager: true });
const RecordActions = Object.values(found)[0]?.RecordActions;

export function RecordActionsSlot(props: RecordActionsProps) {
  return RecordActions ? <RecordActions {...props} /> : null;
}
