import { z } from 'zod';
import { type ApiKeyRecord, ApiKeyRecordSchema } from '../records.ts';
import type { KeyStore } from '../store.ts';
import { layout } from './layout.ts';
import type { Workspace } from './workspace.ts';

const KeysFileSchema = z.object({ keys: z.array(ApiKeyRecordSchema) });

/** `keys.json`: every API key's hash, role and clients (never a key itself). Kept out of git. */
export class EmbeddedKeys implements KeyStore {
  constructor(private readonly ws: Workspace) {}

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.ws.read(layout.keys, KeysFileSchema))?.keys ?? [];
  }

  async get(keyId: string): Promise<ApiKeyRecord | undefined> {
    return (await this.list()).find((key) => key.keyId === keyId);
  }

  put(key: ApiKeyRecord): Promise<void> {
    return this.ws.exclusive(layout.keys, async () => {
      const others = (await this.list()).filter((k) => k.keyId !== key.keyId);
      await this.ws.write(layout.keys, KeysFileSchema, { keys: [...others, key] });
    });
  }

  delete(keyId: string): Promise<boolean> {
    return this.ws.exclusive(layout.keys, async () => {
      const keys = await this.list();
      const rest = keys.filter((k) => k.keyId !== keyId);
      if (rest.length === keys.length) return false;
      await this.ws.write(layout.keys, KeysFileSchema, { keys: rest });
      return true;
    });
  }
}
