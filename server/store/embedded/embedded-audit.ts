import { type DecisionRecord, DecisionRecordSchema } from '../records.ts';
import type { AuditStore } from '../store.ts';
import { layout } from './layout.ts';
import { readNdjson } from './ndjson-log.ts';
import type { Workspace } from './workspace.ts';

/** `audit/<yyyy-mm-dd>.ndjson` (UTC days): one line per decision, appended and synced before the answer goes out. */
export class EmbeddedAudit implements AuditStore {
  /** Days whose log is open; only the newest stays open, so a server up for months does not hold a file per day. */
  private readonly openDays = new Set<string>();

  constructor(private readonly ws: Workspace) {}

  async append(records: readonly DecisionRecord[]): Promise<void> {
    const byDay = new Map<string, DecisionRecord[]>();
    for (const record of records) {
      // Parsed first so each line holds the schema's fields in the schema's order (the scan below relies on it).
      const checked = DecisionRecordSchema.parse(record);
      const day = new Date(checked.at).toISOString().slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), checked]);
    }
    await Promise.all(
      [...byDay].map(([day, dayRecords]) => {
        this.openDays.add(day);
        return this.ws.log(layout.auditDay(day)).append(dayRecords);
      }),
    );
    const newest = [...this.openDays].sort().at(-1);
    for (const day of [...this.openDays].filter((d) => d !== newest)) {
      this.openDays.delete(day);
      await this.ws.closeLog(layout.auditDay(day));
    }
  }

  async findByOrder(clientId: string, orderId: string): Promise<DecisionRecord[]> {
    // Lines start with clientId then orderId, so a prefix test skips every other order without parsing it.
    const prefix = `{"clientId":${JSON.stringify(clientId)},"orderId":${JSON.stringify(orderId)},`;
    const days = (await this.ws.list(layout.audit)).filter((name) => name.endsWith('.ndjson'));
    const found: DecisionRecord[] = [];
    for (const day of days) {
      const records = await readNdjson(
        this.ws.abs(`${layout.audit}/${day}`),
        (value) => DecisionRecordSchema.parse(value),
        (line) => line.startsWith(prefix),
      );
      found.push(...records);
    }
    return found;
  }
}
