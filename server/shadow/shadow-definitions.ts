import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ActorSchema, IdSchema } from '../../api/schemas/fields.ts';
import { ShadowBody } from '../../api/schemas/shadow.ts';
import { ensureDir, isTempFile, writeFileAtomic } from '../store/embedded/atomic-file.ts';

/** What a shadow is started from: enough to start it again after a restart (with fresh counts). */
export const ShadowDefinitionSchema = z
  .object({
    clientId: IdSchema,
    input: ShadowBody,
    by: ActorSchema,
  })
  .strict();
export type ShadowDefinition = z.infer<typeof ShadowDefinitionSchema>;

/** A definition that could not be read, and why: reported, never fatal to a boot. */
export interface UnreadableDefinition {
  file: string;
  reason: string;
}

/** Where running shadows are remembered, so the server starts them again when it starts. */
export interface ShadowDefinitions {
  list(): Promise<{ definitions: ShadowDefinition[]; unreadable: UnreadableDefinition[] }>;
  put(definition: ShadowDefinition): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/**
 * One JSON file per client under the server's data folder (`shadows/<clientId>.json`), written
 * atomically. In the data folder whatever the store: a shadow runs in the control server that started
 * it, so it is that server's own memory, not data other processes read.
 */
export class WorkspaceShadowDefinitions implements ShadowDefinitions {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'shadows');
  }

  async list(): Promise<{ definitions: ShadowDefinition[]; unreadable: UnreadableDefinition[] }> {
    const definitions: ShadowDefinition[] = [];
    const unreadable: UnreadableDefinition[] = [];
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { definitions, unreadable };
      throw error;
    }
    for (const name of names.sort()) {
      if (isTempFile(name) || !name.endsWith('.json')) continue;
      const file = join(this.dir, name);
      try {
        definitions.push(ShadowDefinitionSchema.parse(JSON.parse(await readFile(file, 'utf8'))));
      } catch (error) {
        unreadable.push({ file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { definitions, unreadable };
  }

  async put(definition: ShadowDefinition): Promise<void> {
    await ensureDir(this.dir);
    await writeFileAtomic(this.fileOf(definition.clientId), `${JSON.stringify(definition, null, 2)}\n`);
  }

  async delete(clientId: string): Promise<void> {
    await rm(this.fileOf(clientId), { force: true });
  }

  /** Client ids are the API's ids (letters, digits, `_`, `.`, `:`, `-`, a letter or digit first): never a path. */
  private fileOf(clientId: string): string {
    return join(this.dir, `${IdSchema.parse(clientId)}.json`);
  }
}
