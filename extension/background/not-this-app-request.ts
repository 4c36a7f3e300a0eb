// Requests about records from extension pages (popup, Options), validated (pure).

export type RecordsRequest =
  | { type: 'not-this-app'; tabId: number; entityId: string; key: string }
  | { type: 'undo-not-this-app'; id: string };

/** Validates a records request from an extension page; null when malformed. */
export function parseRecordsRequest(msg: unknown): RecordsRequest | null {
  if (!msg || typeof msg !== 'object') return null;
  const o = msg as Record<string, unknown>;
  if (o.type === 'not-this-app' && Number.isInteger(o.tabId) && typeof o.entityId === 'string' && typeof o.key === 'string') {
    return { type: 'not-this-app', tabId: o.tabId as number, entityId: o.entityId, key: o.key };
  }
  if (o.type === 'undo-not-this-app' && typeof o.id === 'string') return { type: 'undo-not-this-app', id: o.id };
  return null;
}
