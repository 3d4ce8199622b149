import { useCallback, useEffect, useRef, useState } from 'react';
import { getHistory, isGzipped, uploadHistory } from '../../infrastructure/api/simulation-api.ts';

export type UploadState =
  | { step: 'idle' }
  | { step: 'sending'; share: number }
  | { step: 'reading'; share: number }
  | { step: 'done'; rows: number; skipped: number }
  | { step: 'failed'; message: string };

const READ_POLL_MS = 500;

/**
 * Sends a history with its progress, then, when the server answers 202 (a big file it reads on),
 * follows its reading until it is ready. `onReady` gets the history to simulate.
 */
export function useHistoryUpload(clientId: string, onReady: (historyId: string) => void) {
  const [state, setState] = useState<UploadState>({ step: 'idle' });
  const abort = useRef<() => void>(undefined);
  useEffect(() => () => abort.current?.(), []);
  const send = useCallback(
    async (file: File, name: string, mapping: string | undefined) => {
      setState({ step: 'sending', share: 0 });
      // A file that cannot be read fails its upload below, with the browser's reason.
      const gzipped = await isGzipped(file).catch(() => false);
      const call = uploadHistory(
        clientId,
        file,
        { name, gzipped, ...(mapping ? { mapping } : {}) },
        (share) => setState({ step: 'sending', share }),
      );
      abort.current = call.abort;
      try {
        const { body } = await call.done;
        let history = { status: body.status, rows: body.rows, skipped: body.skipped, progress: 0 };
        while (history.status === 'reading') {
          setState({ step: 'reading', share: history.progress });
          await new Promise((resolve) => setTimeout(resolve, READ_POLL_MS));
          const read = await getHistory(clientId, body.historyId);
          if (read.status === 'failed') throw new Error(read.error ?? read.status);
          history = {
            status: read.status,
            rows: read.rows,
            skipped: read.skippedTotal,
            progress: read.progress,
          };
        }
        setState({ step: 'done', rows: history.rows, skipped: history.skipped });
        onReady(body.historyId);
      } catch (error) {
        setState({ step: 'failed', message: (error as Error).message });
      } finally {
        abort.current = undefined;
      }
    },
    [clientId, onReady],
  );
  return { state, send };
}
