/**
 * A registry document as stored before review dates, change histories and the DPF answer existed, with those
 * fields at their defaults (as the schemas would read them): never reviewed, no history, not checked, no
 * safeguard recorded. Other documents pass unchanged.
 */
export function withRegistryDefaults(entity: string, json: string): string {
  const doc = JSON.parse(json) as Record<string, unknown>;
  const transfer = (value: unknown) =>
    value && typeof value === 'object' ? { dpfCertified: null, ...(value as Record<string, unknown>) } : value;
  if (entity === 'activity') return JSON.stringify({ reviewedAt: null, history: [], ...doc });
  if (entity !== 'processor') return json;
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  return JSON.stringify({
    ...doc,
    transfer: transfer(doc.transfer),
    subProcessors: list(doc.subProcessors).map((sub) => ({ ...sub, transfer: transfer(sub.transfer) })),
    changeNotices: list(doc.changeNotices).map((notice) => ({
      transfer: null,
      ...notice,
      ...(notice.transfer ? { transfer: transfer(notice.transfer) } : {}),
    })),
  });
}
